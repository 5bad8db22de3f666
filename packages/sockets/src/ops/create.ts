/**
 * socket(2) / socketpair(2): opening fds with `SOCK_NONBLOCK | SOCK_CLOEXEC`
 * for a family and type, and the family/type numbers ↔ names.
 */
import { socketError } from '../core/errors.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  socket,
  socketpair,
  trySyscall,
} from '../core/sys.js';
import type { SocketFamily, SocketKind } from '../types.js';

/** `AF_*` of a family name. */
export function afOf(family: SocketFamily): number {
  return family === 'ipv4' ? AF_INET : family === 'ipv6' ? AF_INET6 : AF_UNIX;
}

/** Family name of an `AF_*`, or `undefined` for a family sockets do not handle. */
export function familyOf(af: number): SocketFamily | undefined {
  return af === AF_INET ? 'ipv4' : af === AF_INET6 ? 'ipv6' : af === AF_UNIX ? 'local' : undefined;
}

/** `SOCK_*` of a type name. */
export function sockTypeOf(type: SocketKind): number {
  return type === 'stream' ? SOCK_STREAM : type === 'datagram' ? SOCK_DGRAM : SOCK_SEQPACKET;
}

/** Type name of a `SOCK_*`, or `undefined`. */
export function kindOf(type: number): SocketKind | undefined {
  return type === SOCK_STREAM ? 'stream' : type === SOCK_DGRAM ? 'datagram' : type === SOCK_SEQPACKET ? 'seqpacket' : undefined;
}

/**
 * A new non-blocking, close-on-exec socket fd.
 *
 * System call: `socket(2)`.
 *
 * @param family - `'ipv4'`, `'ipv6'` or `'local'`
 * @param type - `'stream'`, `'datagram'` or `'seqpacket'` (local only)
 * @returns the fd
 * @throws {SocketError} when the kernel refuses (`EMFILE`, `EAFNOSUPPORT`, …)
 * @example
 * ```ts
 * const fd = openSocketFd('ipv4', 'stream');
 * ```
 */
export function openSocketFd(family: SocketFamily, type: SocketKind): number {
  const af = afOf(family);
  const st = sockTypeOf(type) | SOCK_NONBLOCK | SOCK_CLOEXEC;
  const fd = trySyscall(() => socket(af, st, 0));
  if (fd < 0) throw socketError('socket', -fd, { detail: `${family} ${type}` });
  return fd;
}

/**
 * Two connected, non-blocking, close-on-exec local socket fds.
 *
 * System call: `socketpair(2)` with `AF_UNIX`.
 *
 * @param type - `'stream'`, `'datagram'` or `'seqpacket'`
 * @returns the two fds
 * @throws {SocketError} when the kernel refuses (`EMFILE`, …)
 * @example
 * ```ts
 * const [a, b] = openSocketPairFds('stream');
 * ```
 */
export function openSocketPairFds(type: SocketKind): [number, number] {
  const sv = new Int32Array(2);
  const r = trySyscall(() => socketpair(AF_UNIX, sockTypeOf(type) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  if (r < 0) throw socketError('socketpair', -r, { detail: type });
  return [sv[0] ?? -1, sv[1] ?? -1];
}
