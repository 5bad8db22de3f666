#!/usr/bin/env bash
# Publishes every package of packages/ whose version is not on the registry yet.
# A release is: `pnpm changeset version` (bumps versions, writes the CHANGELOG.md files,
# consumes .changeset/*.md), commit; then `pnpm release` (this script): the package
# checks (build, pack, publint, attw, the tarball checks, installs from the tarballs),
# then `pnpm publish -r`; then `pnpm changeset tag` and push the tags.
# With --dry-run (what CI runs, in scripts/ci/release-rehearsal.sh) nothing is uploaded
# and no credentials are needed. Usage: scripts/release.sh [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/.."
dry=()
case "${1:-}" in
  --dry-run) dry=(--dry-run) ;;
  '') ;;
  *) echo "release.sh: unknown argument $1 (only --dry-run)" >&2; exit 2 ;;
esac
pending=$(find .changeset -name '*.md' ! -name README.md | wc -l)
if [ "$pending" -ne 0 ]; then
  echo "release.sh: $pending changeset(s) pending in .changeset/: run 'pnpm changeset version' and commit first" >&2
  exit 1
fi
bash scripts/check-packages.sh
pnpm publish -r --filter './packages/*' --access public --no-git-checks "${dry[@]}"
