#!/usr/bin/env bash
# The release lane: `changeset status` (scripts/changeset-status.sh), then a release
# rehearsed in a scratch clone of HEAD, which is thrown away: `changeset version`
# must bump every package that has a pending changeset and give each a CHANGELOG.md
# section for its new version; then scripts/release.sh --dry-run (the package checks and
# `pnpm publish -r --dry-run`). Usage: scripts/ci/release-rehearsal.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/changeset-status.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git clone --quiet --no-hardlinks "$PWD" "$scratch/repo"
cd "$scratch/repo"
pnpm install --frozen-lockfile --offline --silent >/dev/null
before=$(for d in packages/*/; do node -p "require('./${d}package.json').version"; done)
pnpm exec changeset version >/dev/null
status=0
i=0
for d in packages/*/; do
  i=$((i + 1))
  name=$(node -p "require('./${d}package.json').name")
  version=$(node -p "require('./${d}package.json').version")
  was=$(sed -n "${i}p" <<<"$before")
  if [ "$version" = "$was" ]; then echo "rehearsal: $name stayed at $version"; continue; fi
  if grep -qx "## $version" "${d}CHANGELOG.md" && [ "$(head -n 1 "${d}CHANGELOG.md")" = "# $name" ]; then
    echo "rehearsal: $name $was -> $version, CHANGELOG.md has its section"
  else
    echo "rehearsal: $name $was -> $version but ${d}CHANGELOG.md has no '## $version' section under '# $name'"
    status=1
  fi
done
bash scripts/release.sh --dry-run
exit "$status"
