#!/usr/bin/env bash
# Runs vitest (with the `node` first on PATH) and prints the lane's counts:
#   LANE: N passed, N failed, N skipped
# then every failed test, and every test that passed only on a retry (vitest.config.ts
# retries once under CI=true), by file and full name, so a flaky test is reported, not hidden.
# When CI_SUMMARY names a file, appends "LANE PASSED FAILED SKIPPED" to it for .ci/run's
# closing line, and those test lines to "$CI_SUMMARY.tests". Exits with vitest's status.
# Usage: scripts/ci/vitest-lane.sh LANE [VITEST-ARGS...]
set -uo pipefail
cd "$(dirname "$0")/../.."
lane=$1
shift
report=$(mktemp)
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
details=$(mktemp)
counts=$(node -e '
  const fs = require("fs");
  const path = require("path");
  const [file, lane, details] = process.argv.slice(1);
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const lines = [];
  for (const f of r.testResults) {
    const where = path.relative(process.cwd(), f.name);
    for (const a of f.assertionResults) {
      if (a.status === "failed") lines.push(`${lane}: FAILED ${where} > ${a.fullName}`);
      else if (a.status === "passed" && a.failureMessages.length > 0)
        lines.push(`${lane}: passed on attempt ${a.failureMessages.length + 1} ${where} > ${a.fullName}: ${a.failureMessages[0].split("\n")[0]}`);
    }
    if (f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"))
      lines.push(`${lane}: FAILED ${where} (the file itself): ${(f.message || "").split("\n")[0]}`);
  }
  fs.writeFileSync(details, lines.map((l) => l + "\n").join(""));
  console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
' "$report" "$lane" "$details" 2>/dev/null || echo "0 1 0")
rm -f "$report"
read -r passed failed skipped <<<"$counts"
# vitest failing without a failed test (a crashed file, an unhandled error) is a failure too.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$lane: $passed passed, $failed failed, $skipped skipped"
cat "$details"
if [ -n "${CI_SUMMARY:-}" ]; then
  echo "$lane $passed $failed $skipped" >>"$CI_SUMMARY"
  cat "$details" >>"$CI_SUMMARY.tests"
fi
rm -f "$details"
exit "$status"
