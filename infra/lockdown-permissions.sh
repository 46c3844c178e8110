#!/usr/bin/env bash
# Locks the ward's site down where Microsoft Graph cannot: Graph v1.0 has no list or folder permissions, so an
# administrator sets them with the CLI for Microsoft 365 (https://pnp.github.io/cli-microsoft365/, npm package
# @pnp/cli-microsoft365, pinned below). Documented and reviewed, not run in CI. Run it after the first sync has created
# the lists and folders (README "Deploy", step 5), again after a decision adds a reporting round or a list, and after the
# unit directory changes (new unit people). It is idempotent: each run clears and re-grants the same permissions.
#
# Who runs it: a SharePoint Administrator or an owner of the ward's site (breaking inheritance and granting needs
# ManagePermissions). Nothing here stores or prints a secret; sign-in is the CLI's own (`m365 login`, device code).
#
# Needs: Node.js with npx (the CLI is fetched at the pinned version), the .NET SDK (the plan is made by
# `danvan365 lockdown-plan`). Set DANVAN_CLI to a command that runs danvan365 (e.g. "dotnet out/cli/danvan365.dll") to
# skip `dotnet run`.
#
# Usage:
#   infra/lockdown-permissions.sh --site-url https://contoso.sharepoint.com/sites/phuong-hai-an \
#       --group-id <ward group object id> --owners-group "<the site's owners group>" \
#       [--units wards/hai-an/units.json] [--decision "QĐ 673.docx"] [--library-url <site-relative>] \
#       [--publisher clerk@contoso.vn]... [--dry-run]
#
# What it sets (the commands come from functions/DanVan365.Core/Lockdown/LockdownPlan.cs; --dry-run prints them):
#   system lists (Nhiệm vụ dân vận, Phân công, Nhật ký thông báo, Trạng thái đồng bộ, Đề xuất điều chỉnh, and every list
#   the app adds, e.g. Nhật ký can thiệp; not Báo cáo kết quả, where units type their reports):
#       m365 spo list roleinheritance break --clearExistingPermissions --force
#           https://pnp.github.io/cli-microsoft365/cmd/spo/list/list-roleinheritance-break/
#       m365 spo list roleassignment add: the owners group Full Control, the ward group (--entraGroupId) Read
#           https://pnp.github.io/cli-microsoft365/cmd/spo/list/list-roleassignment-add/
#   folder "Quyết định" of the library "Báo cáo dân vận": the same, plus Contribute for each --publisher
#   folder "<year>/Đợt N/Nộp" of each reporting round: the same, plus Contribute (--upn) for every unit's head and
#   assignees from the unit directory. Returns are one folder per round for all units, not one per unit, so this is
#   as narrow as the folders allow: a unit's person can also write another unit's file there; the app's uploader check
#   then refuses that file (docs/architecture.md "Lockdown").
#       https://pnp.github.io/cli-microsoft365/cmd/spo/folder/folder-roleinheritance-break/
#       https://pnp.github.io/cli-microsoft365/cmd/spo/folder/folder-roleassignment-add/
#   Permission levels are given by id (1073741829 Full Control, 1073741827 Contribute, 1073741826 Read): their names
#   are localised on a Vietnamese site, the ids are not. The app keeps its access: its Sites.Selected grant
#   (infra/grant-graph-permissions.sh) is not a role assignment on the list, so clearing the list's assignments does not
#   remove it; `danvan365 doctor --tenant …` afterwards confirms the app still reads every list. Breaking inheritance
#   leaves the person who runs this with Full Control on each list and folder (SharePoint adds the caller).
set -euo pipefail

readonly M365_PACKAGE="@pnp/cli-microsoft365@11.11.0"   # = LockdownPlan.CliPackage; `npm view @pnp/cli-microsoft365 version`

usage() { sed -n '2,19p' "$0"; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
site_url=""
group_id=""
owners_group=""
units=""
decision=""
library_url=""
publishers=()
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --site-url) site_url="${2:?--site-url needs a value}"; shift 2 ;;
    --group-id) group_id="${2:?--group-id needs a value}"; shift 2 ;;
    --owners-group) owners_group="${2:?--owners-group needs a value}"; shift 2 ;;
    --units) units="${2:?--units needs a value}"; shift 2 ;;
    --decision) decision="${2:?--decision needs a value}"; shift 2 ;;
    --library-url) library_url="${2:?--library-url needs a value}"; shift 2 ;;
    --publisher) publishers+=("${2:?--publisher needs a value}"); shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$site_url" ] && [ -n "$group_id" ] && [ -n "$owners_group" ] || usage

# The plan: danvan365 checks every option and file (exit 2 with file:line) before anything is printed.
if [ -n "${DANVAN_CLI:-}" ]; then
  read -r -a cli <<<"$DANVAN_CLI"
else
  cli=(dotnet run --project "$repo/functions/DanVan365.Cli" --)
fi
plan=("${cli[@]}" lockdown-plan --site-url "$site_url" --group-id "$group_id" --owners-group "$owners_group")
[ -n "$decision" ] && plan+=("$decision")
[ -n "$units" ] && plan+=(--units "$units")
[ -n "$library_url" ] && plan+=(--library-url "$library_url")
for person in "${publishers[@]}"; do plan+=(--publisher "$person"); done

if [ "$dry_run" -eq 1 ]; then
  echo "# CLI for Microsoft 365 $M365_PACKAGE; the commands a run would send (nothing changed):"
  "${plan[@]}"
  exit 0
fi

commands="$("${plan[@]}" --format tsv)"
[ -n "$commands" ] || { echo "lockdown-plan printed no command" >&2; exit 1; }

command -v npx >/dev/null || { echo "npx (Node.js) is required" >&2; exit 1; }
m365() { npx --yes --package="$M365_PACKAGE" -- m365 "$@"; }

# Sign in once (device code), as the CLI's own example does: https://pnp.github.io/cli-microsoft365/user-guide/use-cli-api
# (`m365 status --output text` says "Logged out"); https://pnp.github.io/cli-microsoft365/cmd/status/
if [ "$(m365 status --output text)" = "Logged out" ]; then
  m365 login
fi
echo "signed in as: $(m365 status --output json --query connectedAs)"

count=0
while IFS=$'\t' read -r -u 3 -a words; do
  # Each line is one command as words (no shell parsing, no eval); only `m365 spo …` is accepted.
  if [ "${#words[@]}" -lt 3 ] || [ "${words[0]}" != "m365" ] || [ "${words[1]}" != "spo" ]; then
    echo "refusing an unexpected plan line: ${words[*]}" >&2
    exit 1
  fi
  count=$((count + 1))
  printf '+'; printf ' %q' "${words[@]}"; printf '\n'
  m365 "${words[@]:1}" --output none </dev/null
done 3<<<"$commands"   # fd 3: the m365 commands inside the loop must not read the plan from stdin
echo "done: $count commands. Check with: danvan365 doctor --tenant <tenant.json>"
