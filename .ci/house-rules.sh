#!/usr/bin/env bash
# House rules the compiler cannot check (issue 11): no C# source file over 400 lines, no line over 140 characters,
# no README link to a file outside the repository, no test that waits in real time (issue 21). Prints every breach as file:line and exits 1 if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
breaches=0
# every C# file at once (one wc, one grep: a process per file took half a minute)
mapfile -t sources < <(git ls-files '*.cs')
while read -r lines file; do
  if [ "$file" != total ] && [ "$lines" -gt 400 ]; then
    echo "$file:$lines: file has $lines lines (at most 400)"
    breaches=$((breaches + 1))
  fi
done < <(printf '%s\0' "${sources[@]}" | xargs -0 -r wc -l)
while IFS= read -r hit; do
  echo "$hit: line longer than 140 characters"
  breaches=$((breaches + 1))
done < <(printf '%s\0' "${sources[@]}" | LC_ALL=C.UTF-8 xargs -0 -r grep -HnE '^.{141,}' | cut -d: -f1,2 || true)
# Tests wait on a clock they drive, never in real time (issue 21, "Time is injected everywhere"): no Thread.Sleep, no
# SpinWait, no Task.Delay that does not name its clock (an argument ending in "clock" or "Clock": a FakeTimeProvider, the
# harness's VirtualClock), so neither Task.Delay(50) nor Task.Delay(d, TimeProvider.System). BannedSymbols.txt refuses
# Thread.Sleep and a Task.Delay without a TimeProvider at compile time everywhere; this rule also closes the
# TimeProvider.System door in tests. One file is exempt: TestUtilities/Time/ExternalProcess.cs, the only place a test may
# poll in real time, for a real child process or server (Azurite, `danvan365 serve`) that takes its own time to start.
realtime_helper=tests/DanVan365.TestUtilities/Time/ExternalProcess.cs
while IFS= read -r hit; do
  echo "${hit%%:*}:$(cut -d: -f2 <<<"$hit"): waits in real time; drive a fake clock, or poll a real process through $realtime_helper"
  breaches=$((breaches + 1))
done < <(git ls-files 'tests/*.cs' | grep -vxF "$realtime_helper" | xargs -r grep -HnE 'Thread\.Sleep|SpinWait|Task\.Delay\(' \
  | grep -vE 'Task\.Delay\([^;]*, *[A-Za-z_.]*[Cc]lock *[,)]' || true)
if grep -nE '\]\(\.\./|`\.\./shared' README.md; then
  echo "README.md: links to a file outside the repository (above)"
  breaches=$((breaches + 1))
fi
if [ "$breaches" -gt 0 ]; then
  echo "house rules: $breaches breach(es)" >&2
  exit 1
fi
echo "house rules: ok"
