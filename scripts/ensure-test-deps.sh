#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when missing:
#   nsd       the real DNS server the resolver tests run against (docs/architecture.md, "Tests")
#   iproute2  `ip` for network-namespace tests of interfaces and SO_BINDTODEVICE
#   gcc       compiles the small C programs that check struct layouts
#   chromium  drives the documentation site in the docs tests (apps/docs/test/site.test.ts)
#   systemd   `systemd-socket-activate` for the socket-activation tests of @iolib/systemd
#   wrk       the HTTP load generator of the SO_REUSEPORT prefork bench
#   socat, curl, openssl, python3   independent peers of the sockets, interop and docs tests
# Needs root for apt-get; without root it only reports what is missing.
set -euo pipefail
need=()
command -v nsd >/dev/null 2>&1 || [ -x /usr/sbin/nsd ] || need+=(nsd)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v systemd-socket-activate >/dev/null 2>&1 || need+=(systemd)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "test deps: missing ${need[*]} (not root, cannot apt-get install): the tests that need them say so and skip" >&2
  exit 0
fi
echo "test deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian starts nsd as a service on install; the tests run their own instance.
systemctl disable --now nsd >/dev/null 2>&1 || true
pkill -x nsd >/dev/null 2>&1 || true
