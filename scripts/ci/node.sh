#!/usr/bin/env bash
# Prints the bin directory of Node.js MAJOR for ARCH (x64 or arm64), installing it
# first when missing: the `node-linux-ARCH` package of the npm registry ships the
# official binaries (bin/node). Cached under ~/.cache/iolib-node/node-ARCH-MAJOR.
# Usage: scripts/ci/node.sh MAJOR [ARCH]
set -euo pipefail
major=$1
arch=${2:-x64}
dir="$HOME/.cache/iolib-node/node-$arch-$major"
bin="$dir/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$dir"
  # --force: the arm64 package declares cpu: arm64, which npm refuses on x64 otherwise.
  (cd "$dir" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error --force \
    "node-linux-$arch@$major" >/dev/null 2>&1)
fi
[ -x "$bin/node" ] || { echo "node.sh: no $bin/node after npm install node-linux-$arch@$major" >&2; exit 1; }
echo "$bin"
