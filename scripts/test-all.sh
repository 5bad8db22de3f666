#!/usr/bin/env bash
# The whole test suite, as the README's quick start and CI run it:
# Debian test dependencies, lint, the formatter check, typecheck, tests, the package checks, the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-deps.sh
echo "== lint";            pnpm lint
echo "== format";          pnpm format:check
echo "== typecheck";       pnpm typecheck
echo "== test"
# Prints "vitest (node vX): N passed, N failed, N skipped" (and records it for .ci/run).
log=$(mktemp)
bash scripts/ci/vitest-lane.sh "vitest (node $(node --version))" | tee "$log"
# The counts line and the failed / retried tests listed after it, repeated at the very end.
counts=$(sed -n '/^vitest (node [^)]*): [0-9]* passed, /,$p' "$log")
rm -f "$log"
echo "== check:packages";  pnpm check:packages
echo "== demo";            pnpm demo
echo "$counts"
