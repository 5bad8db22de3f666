#!/usr/bin/env bash
# Runs vitest (with the `node` first on PATH) and prints the lane's counts:
#   LANE: N passed, N failed, N skipped
# and, when CI_SUMMARY names a file, appends "LANE PASSED FAILED SKIPPED" to it for
# .ci/run's closing line. Exits with vitest's status.
# Usage: scripts/ci/vitest-lane.sh LANE [VITEST-ARGS...]
set -uo pipefail
cd "$(dirname "$0")/../.."
lane=$1
shift
report=$(mktemp)
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
counts=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
' "$report" 2>/dev/null || echo "0 1 0")
rm -f "$report"
read -r passed failed skipped <<<"$counts"
# vitest failing without a failed test (a crashed file, an unhandled error) is a failure too.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$lane: $passed passed, $failed failed, $skipped skipped"
if [ -n "${CI_SUMMARY:-}" ]; then echo "$lane $passed $failed $skipped" >>"$CI_SUMMARY"; fi
exit "$status"
