#!/usr/bin/env bash
# The whole test suite, as the README's quick start and CI run it:
# Debian test dependencies, lint, typecheck, tests, the package checks, the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-deps.sh
echo "== lint";            pnpm lint
echo "== typecheck";       pnpm typecheck
echo "== test"
report=$(mktemp)
status=0
pnpm test --reporter=default --reporter=json --outputFile.json="$report" || status=$?
counts=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' "$report" || echo "vitest: no report")
rm -f "$report"
if [ "$status" -ne 0 ]; then echo "$counts"; exit "$status"; fi
echo "== check:packages";  pnpm check:packages
echo "== demo";            pnpm demo
echo "$counts"
