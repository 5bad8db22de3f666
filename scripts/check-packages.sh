#!/usr/bin/env bash
# What a user gets from the registry, checked before anything is published:
#  1. builds every published package and packs them with the documented command
#     `pnpm -r --filter './packages/*' pack`;
#  2. publint and @arethetypeswrong/cli on each tarball, then scripts/check-tarballs.ts
#     (LICENSE, README, metadata, no scripts, @internal stripped);
#  3. a scratch project that depends on the tarballs only (ordinary hoisted install)
#     imports the umbrella, type-checks against its published types (skipLibCheck off)
#     and runs the example at the top of each package's README;
#  4. a strict one (node-linker=isolated, hoist=false) that depends on the umbrella only
#     and resolves a host name through @iolib/sockets, which must then find @iolib/dns
#     through its own declared dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
umbrella=$(node -p "require('./packages/iolib/package.json').name")
pnpm --silent turbo run build --output-logs=errors-only
pnpm -r --filter './packages/*' pack --pack-destination "$out/tgz" >/dev/null
for tgz in "$out"/tgz/*.tgz; do
  echo "-- $(basename "$tgz")"
  pnpm exec publint run "$tgz" --strict --level warning
  pnpm exec attw "$tgz" --profile esm-only --format table-flipped --quiet
done
mkdir "$out/examples"
node --import tsx scripts/check-tarballs.ts "$out/tgz" "$out/examples"

# `overrides` maps every package name to its tarball, so nothing comes from the registry.
overrides=$(for d in packages/*/; do
  n=$(node -p "require('./${d}package.json').name"); v=$(node -p "require('./${d}package.json').version")
  printf '"%s":"file:%s/tgz/%s-%s.tgz",' "$n" "$out" "$(echo "${n#@}" | tr / -)" "$v"
done)
overrides=${overrides%,}
# scratch DIR DEPENDENCIES [NPMRC-LINES]: a project outside the workspace, installed from the tarballs.
scratch() {
  mkdir -p "$out/$1"
  printf '{ "name": "%s", "private": true, "type": "module", "dependencies": { %s },\n  "pnpm": { "overrides": { %s } } }\n' \
    "$1" "$2" "$overrides" >"$out/$1/package.json"
  printf '%s\n' "${3:-}" >"$out/$1/.npmrc"
  (cd "$out/$1" && pnpm install --silent --ignore-workspace --config.confirmModulesPurge=false >/dev/null)
}

# 3. Every package a dependency of the project, hoisted: the umbrella's names and types.
scratch hoisted "${overrides}"
cat >"$out/hoisted/check.ts" <<TS
import * as iolib from '$umbrella';
const names = Object.keys(iolib);
for (const want of ['makeAddress', 'makeSocket', 'lookupHostname', 'listNetworkInterfaces', 'EventBase', 'syscalls']) {
  if (!names.includes(want)) { console.error(\`$umbrella lacks \${want}\`); process.exit(1); }
}
console.log(\`$umbrella from tarballs: \${names.length} exports, e.g. \${names.slice(0, 5).join(', ')}\`);
TS
cat >"$out/hoisted/tsconfig.json" <<JSON
{ "compilerOptions": { "module": "NodeNext", "target": "ES2023", "strict": true, "noEmit": true,
  "skipLibCheck": false, "types": ["node"], "typeRoots": ["$root/node_modules/@types"] }, "files": ["check.ts"] }
JSON
(cd "$out/hoisted" && "$root/node_modules/.bin/tsc" -p . && cp check.ts check.mjs && node check.mjs)
for example in "$out"/examples/*.mjs; do
  echo "-- $(basename "$example" .mjs)"
  cp "$example" "$out/hoisted/" && (cd "$out/hoisted" && node "$(basename "$example")")
done

# 4. Strict: only the umbrella, no hoisting, each package sees its declared dependencies only.
scratch strict "\"$umbrella\":\"file:$out/tgz/$umbrella-$(node -p "require('./packages/iolib/package.json').version").tgz\"" \
  $'node-linker=isolated\nhoist=false'
cat >"$out/strict/check.mjs" <<JS
import { createServer } from 'node:net';
import { once } from 'node:events';
import { makeSocket } from '$umbrella';
const server = createServer().listen(0, '127.0.0.1');
await once(server, 'listening');
const accepted = once(server, 'connection');
// 'localhost' is a name: @iolib/sockets resolves it with @iolib/dns.
const socket = await makeSocket({ addressFamily: 'ipv4', remoteHost: 'localhost', remotePort: server.address().port });
const [peer] = await accepted;
console.log(\`strict install (node-linker=isolated, hoist=false): makeSocket reached localhost -> \${peer.localAddress}:\${peer.localPort}\`);
socket.close(); peer.destroy(); server.close();
JS
(cd "$out/strict" && node check.mjs)
