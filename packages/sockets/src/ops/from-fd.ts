/**
 * getsockopt(2) / fcntl(2) on an inherited fd: discover its family
 * (`SO_DOMAIN`), type (`SO_TYPE`) and whether it listens (`SO_ACCEPTCONN`),
 * and make it (or a duplicate) non-blocking. The socket layer's
 * `makeSocketFromFd` wraps the result.
 */
import { checkFd } from '@iolib/syscalls/internal';
import { socketError } from '../core/errors.js';
import {
  E,
  F_DUPFD_CLOEXEC,
  F_GETFL,
  F_SETFL,
  O_NONBLOCK,
  SOL_SOCKET,
  SO_ACCEPTCONN,
  SO_DOMAIN,
  SO_TYPE,
  fcntl,
  getsockopt,
  sysClose,
  trySyscall,
} from '../core/sys.js';
import type { SocketFamily, SocketKind } from '../types.js';
import { familyOf, kindOf } from './create.js';

/** An adopted fd: the fd this package owns now, and what it is. */
export interface AdoptedFd {
  readonly fd: number;
  readonly family: SocketFamily;
  readonly type: SocketKind;
  readonly passive: boolean;
}

function intOption(fd: number, optname: number, what: string): number {
  const v = new Int32Array(1);
  const len = new Uint32Array([4]);
  const r = trySyscall(() => getsockopt(fd, SOL_SOCKET, optname, v, len));
  if (r < 0) throw socketError('getsockopt', -r, { fd, detail: what });
  return v[0] ?? 0;
}

/**
 * Check and adopt an existing socket fd. The public `makeSocketFromFd`
 * (socket layer) documents the behaviour.
 *
 * System calls: `getsockopt(2)` (`SO_DOMAIN`, `SO_TYPE`, `SO_ACCEPTCONN`),
 * `fcntl(2)` (`F_DUPFD_CLOEXEC`, `F_GETFL`, `F_SETFL O_NONBLOCK`).
 *
 * @param fd - an open socket fd
 * @param connect - `'active'`, `'passive'`, or `undefined` to discover it
 * @param dup - work on a duplicate (the caller keeps `fd`)
 * @returns the owned fd, its family and type, and whether it is passive
 * @throws {RangeError} for a number that is no fd; {TypeError} for a non-number `fd`, a bad `connect` or a passive datagram socket
 * @throws {SocketError} `EBADF`, `ENOTSOCK`, `EAFNOSUPPORT` for a family or type sockets do not handle
 * @example
 * ```ts
 * const { fd: own, family } = adoptFd(3, undefined, true);
 * ```
 */
export function adoptFd(fd: number, connect: unknown, dup: boolean): AdoptedFd {
  checkFd('makeSocketFromFd', fd);
  if (connect !== undefined && connect !== 'active' && connect !== 'passive') {
    throw new TypeError(
      `makeSocketFromFd: connect must be 'active' or 'passive', got ${typeof connect === 'string' ? connect : typeof connect}`,
    );
  }
  const family = familyOf(intOption(fd, SO_DOMAIN, 'SO_DOMAIN'));
  const type = kindOf(intOption(fd, SO_TYPE, 'SO_TYPE'));
  if (family === undefined || type === undefined || (type === 'seqpacket' && family !== 'local')) {
    throw socketError('makeSocketFromFd', E.EAFNOSUPPORT ?? 97, {
      fd,
      detail: 'not an internet stream/datagram or a local stream/datagram/seqpacket socket',
    });
  }
  const listening = type !== 'datagram' && intOption(fd, SO_ACCEPTCONN, 'SO_ACCEPTCONN') !== 0;
  const passive = connect === undefined ? listening : connect === 'passive';
  if (passive && type === 'datagram') throw new TypeError('makeSocketFromFd: a datagram socket cannot be passive');
  let own = fd;
  if (dup) {
    own = trySyscall(() => fcntl(fd, F_DUPFD_CLOEXEC, 0));
    if (own < 0) throw socketError('fcntl', -own, { fd, detail: 'F_DUPFD_CLOEXEC' });
  }
  try {
    const fl = trySyscall(() => fcntl(own, F_GETFL, 0));
    if (fl < 0) throw socketError('fcntl', -fl, { fd: own, detail: 'F_GETFL' });
    const r = trySyscall(() => fcntl(own, F_SETFL, fl | O_NONBLOCK));
    if (r < 0) throw socketError('fcntl', -r, { fd: own, detail: 'F_SETFL' });
  } catch (e) {
    if (own !== fd) sysClose(own);
    throw e;
  }
  return { fd: own, family, type, passive };
}
