#!/usr/bin/env bash
# A Node.js version lane: the whole vitest suite and the demo on Node MAJOR (x64),
# fetched from npm by scripts/ci/node.sh. Usage: scripts/ci/node-lane.sh MAJOR
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(bash scripts/ci/node.sh "$1")
PATH="$bin:$PATH"
status=0
bash scripts/ci/vitest-lane.sh "vitest (node $(node --version))" || status=1
echo "== demo (node $(node --version))"
log=$(mktemp)
if pnpm demo >"$log" 2>&1; then echo "demo: ok"; else cat "$log"; echo "demo failed on node $(node --version)"; status=1; fi
rm -f "$log"
exit "$status"
