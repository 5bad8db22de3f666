#!/usr/bin/env bash
# Fails when a published package changed without a changeset. "Changed" is measured
# from the last release: the newest tag `changeset tag` made (NAME@VERSION) reachable
# from HEAD, or, before the first release, the repository's first commit. Changesets
# pile up in .changeset/ until `changeset version` consumes them at a release, so every
# package changed since that release must be named by one of them. (Comparing with
# origin/main would be empty in CI, whose clone is main itself; on a branch,
# `pnpm changeset status --since=main` is the stricter check of the branch alone.)
# Usage: scripts/changeset-status.sh
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(git describe --tags --abbrev=0 --match '*@[0-9]*' 2>/dev/null || git rev-list --max-parents=0 HEAD | tail -n 1)
echo "changeset status since $base ($(git log -1 --format=%cs "$base"))"
pnpm exec changeset status --since="$base"
