#!/usr/bin/env bash
# House rules the compiler cannot check (issue 11): no C# source file over 400 lines, no line over 140 characters,
# no README link to a file outside the repository. Prints every breach as file:line and exits 1 if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
breaches=0
while IFS= read -r file; do
  lines=$(wc -l <"$file")
  if [ "$lines" -gt 400 ]; then
    echo "$file:$lines: file has $lines lines (at most 400)"
    breaches=$((breaches + 1))
  fi
  while IFS= read -r hit; do
    echo "$file:$hit: line longer than 140 characters"
    breaches=$((breaches + 1))
  done < <(LC_ALL=C.UTF-8 grep -nE '^.{141,}' "$file" | cut -d: -f1)
done < <(git ls-files '*.cs')
if grep -nE '\]\(\.\./|`\.\./shared' README.md; then
  echo "README.md: links to a file outside the repository (above)"
  breaches=$((breaches + 1))
fi
if [ "$breaches" -gt 0 ]; then
  echo "house rules: $breaches breach(es)" >&2
  exit 1
fi
echo "house rules: ok"
