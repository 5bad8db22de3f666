#!/usr/bin/env bash
# Builds every published package, then runs publint and @arethetypeswrong/cli on
# each packed tarball, and finally imports `iolib` from a scratch project that
# depends on the tarballs only (what a user gets from the registry).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pnpm --silent turbo run build --output-logs=errors-only
for dir in packages/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  echo "-- $name"
  (cd "$dir" && pnpm exec publint --strict --level warning)
  tarball=$(cd "$dir" && pnpm pack --pack-destination "$out" | tail -n 1)
  pnpm exec attw --pack "$dir" --profile esm-only --format table-flipped --quiet
  cp "$tarball" "$out/$(basename "$dir").tgz"
done
# A scratch project that installs the tarballs, as a user would.
mkdir "$out/scratch"
cd "$out/scratch"
deps=$(for d in "$root"/packages/*/; do b=$(basename "$d"); n=$(node -p "require('$d/package.json').name"); printf '"%s":"file:%s/%s.tgz",' "$n" "$out" "$b"; done)
cat > package.json <<JSON
{ "name": "scratch", "private": true, "type": "module", "dependencies": { ${deps%,} },
  "pnpm": { "overrides": { ${deps%,} } } }
JSON
pnpm install --silent --ignore-workspace --config.confirmModulesPurge=false >/dev/null
cat > check.mjs <<'JS'
import * as iolib from 'iolib';
const names = Object.keys(iolib);
for (const want of ['makeAddress', 'makeSocket', 'lookupHostname', 'listNetworkInterfaces', 'EventBase', 'syscalls']) {
  if (!names.includes(want)) { console.error(`iolib lacks ${want}`); process.exit(1); }
}
console.log(`iolib from tarballs: ${names.length} exports, e.g. ${names.slice(0, 5).join(', ')}`);
JS
node check.mjs
