/**
 * What `String(socket)` and `util.inspect(socket)` show: the class, the fd,
 * both ends and the state, read from the kernel when asked (never cached, and
 * nothing read once the socket is closed).
 */
import { isIPv6Address, isInetAddressUnspecified } from '@iolib/address';
import type { SocketCore } from '../core/socket-core.js';
import { isSocketConnected, localName, remoteName } from '../ops/accessors.js';
import { getOption } from '../ops/options.js';
import type { SocketName } from '../types.js';

/** One end as text: `127.0.0.1:80`, `[::1]:80`, a path, `@abstract`, `unnamed` or `unbound`. */
function endText(name: SocketName): string {
  if ('filename' in name) {
    if (name.filename === '') return 'unnamed';
    return name.abstract ? `@${name.filename}` : name.filename;
  }
  if (name.port === 0 && isInetAddressUnspecified(name.host)) return 'unbound';
  return isIPv6Address(name.host) ? `[${name.host.toString()}]:${name.port}` : `${name.host.toString()}:${name.port}`;
}

/**
 * A one-line description of a socket, e.g.
 * `SocketStreamInternetActive fd 17 127.0.0.1:40000 → 127.0.0.1:8080`,
 * `SocketStreamInternetPassive fd 9 0.0.0.0:8080 listening`,
 * `SocketDatagramLocalActive closed`.
 *
 * System calls: `getsockname(2)`, `getsockopt(2)` (`SO_ACCEPTCONN`) and
 * `getpeername(2)`; none once closed.
 *
 * @param className - the socket's class name
 * @param core - its core
 * @returns the description
 * @example
 * ```ts
 * describeSocket('SocketStreamLocalActive', core); // 'SocketStreamLocalActive fd 12 unnamed → unnamed'
 * ```
 */
export function describeSocket(className: string, core: SocketCore): string {
  if (!core.isOpen) return `${className} closed`;
  const text = `${className} fd ${core.fd} ${endText(localName(core))}`;
  if (getOption(core, 'acceptConnections')) return `${text} listening`;
  return isSocketConnected(core) ? `${text} → ${endText(remoteName(core))}` : text;
}
