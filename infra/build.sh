#!/usr/bin/env bash
# Builds and lints the Bicep in infra/ with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64).
# Offline after the first restore; ~5 s. Any error OR warning fails the script (exit 1).
#
#   bash infra/build.sh            # from the repository root (CI: .ci/run calls this)
#
# Output: infra/out/main.json and infra/out/main.hai-an.parameters.json (ARM JSON, git-ignored).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Bring the Bicep CLI into the NuGet cache (bicep-cli.csproj holds only a PackageDownload).
version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' bicep-cli/bicep-cli.csproj)"
dotnet restore bicep-cli/bicep-cli.csproj --verbosity quiet
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  echo "infra/build.sh: Bicep CLI not found at $bicep after restore" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
"$bicep" --version

# 2. The params file reads tenant-specific values from the environment at deploy time. For validation only,
#    fill the ones that are not set with obviously fake example values (never used for a deployment).
export DANVAN_SHAREPOINT_HOST="${DANVAN_SHAREPOINT_HOST:-contoso.sharepoint.com}"
export DANVAN_HAIAN_GROUP_ID="${DANVAN_HAIAN_GROUP_ID:-00000000-0000-0000-0000-000000000000}"
export DANVAN_HAIAN_MAILBOX="${DANVAN_HAIAN_MAILBOX:-danvan.haian@contoso.example}"
export DANVAN_API_CLIENT_ID="${DANVAN_API_CLIENT_ID:-00000000-0000-0000-0000-000000000000}"
export DANVAN_ALERT_EMAIL="${DANVAN_ALERT_EMAIL:-it@contoso.example}"

# 3. Build and lint; keep every diagnostic, fail on errors (exit code) and on warnings (output).
out="$here/out"
rm -rf "$out"
mkdir -p "$out"
log="$out/bicep.log"
: >"$log"
status=0
run() {
  echo "+ bicep $*"
  if ! "$bicep" "$@" >>"$log" 2>&1; then status=1; fi
}
run build main.bicep --outfile "$out/main.json"
run build-params main.hai-an.bicepparam --outfile "$out/main.hai-an.parameters.json"
run lint main.bicep          # also reports the diagnostics of every module main.bicep uses
run lint main.hai-an.bicepparam

cat "$log"
if grep -Eq '(: (Warning|Error) |\bwarning\b|\berror\b)' "$log"; then
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "infra/build.sh: FAILED (Bicep errors or warnings above; warnings count as errors)" >&2
  exit 1
fi
echo "infra/build.sh: OK (main.bicep, $(ls modules/*.bicep | wc -l) modules, main.hai-an.bicepparam: no errors, no warnings)"
