/**
 * `makeSocketFromFd` (IOLib's `make-socket-from-fd`): adopt an existing socket
 * fd, discovering its family (`SO_DOMAIN`) and type (`SO_TYPE`).
 */
import { SocketCore } from './core.js';
import { createActive, createPassive, type StreamDefaults } from './construct.js';
import { familyOf, kindOf } from './create.js';
import { socketError } from './errors.js';
import {
  E, F_DUPFD_CLOEXEC, F_GETFL, F_SETFL, O_NONBLOCK, SOL_SOCKET, SO_ACCEPTCONN, SO_DOMAIN, SO_TYPE, fcntl, getsockopt, sysClose, trySyscall,
} from './sys.js';
import type { Socket } from './types.js';

/** Options of {@link makeSocketFromFd}. */
export interface FromFdOptions extends StreamDefaults {
  /** `'active'` or `'passive'`; default: discovered (`SO_ACCEPTCONN`: listening → passive). */
  readonly connect?: 'active' | 'passive';
  /** Work on a duplicate (default true, as IOLib): the caller keeps `fd` and closes it. */
  readonly dup?: boolean;
}

function intOption(fd: number, optname: number, what: string): number {
  const v = new Int32Array(1);
  const len = new Uint32Array([4]);
  const r = trySyscall(() => getsockopt(fd, SOL_SOCKET, optname, v, len));
  if (r < 0) throw socketError('getsockopt', -r, { fd, detail: what });
  return v[0] ?? 0;
}

/**
 * A socket object for an existing socket fd. The fd is made non-blocking;
 * with `dup: false` the socket owns `fd` and closes it.
 *
 * System calls: `getsockopt(2)` (`SO_DOMAIN`, `SO_TYPE`, `SO_ACCEPTCONN`),
 * `fcntl(2)` (`F_DUPFD_CLOEXEC`, `F_SETFL O_NONBLOCK`).
 *
 * @param fd - an open socket fd
 * @param options - `connect`, `dup`, stream settings
 * @returns the socket of the matching class
 * @throws {SocketError} `EBADF` for a closed fd, `ENOTSOCK` for a non-socket, `EAFNOSUPPORT` for a family or type sockets do not handle
 * @example
 * ```ts
 * const s = await makeSocketFromFd(3); // e.g. an fd inherited from systemd
 * ```
 */
export async function makeSocketFromFd(fd: number, options: FromFdOptions = {}): Promise<Socket> {
  await Promise.resolve();
  if (!Number.isInteger(fd) || fd < 0 || fd > 0x7fffffff) throw new RangeError(`makeSocketFromFd: ${String(fd)} is not a file descriptor`);
  const wanted: unknown = options.connect;
  if (wanted !== undefined && wanted !== 'active' && wanted !== 'passive') {
    throw new TypeError(`makeSocketFromFd: connect must be 'active' or 'passive', got ${typeof wanted === "string" ? wanted : typeof wanted}`);
  }
  const family = familyOf(intOption(fd, SO_DOMAIN, 'SO_DOMAIN'));
  const type = kindOf(intOption(fd, SO_TYPE, 'SO_TYPE'));
  if (family === undefined || type === undefined) throw socketError('makeSocketFromFd', E.EAFNOSUPPORT ?? 97, { fd, detail: 'not an internet or local stream/datagram socket' });
  const listening = type === 'stream' && intOption(fd, SO_ACCEPTCONN, 'SO_ACCEPTCONN') !== 0;
  const connect = options.connect ?? (listening ? 'passive' : 'active');
  if (connect === 'passive' && type !== 'stream') throw new TypeError('makeSocketFromFd: a datagram socket cannot be passive');
  let own = fd;
  if (options.dup ?? true) {
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
  const core = new SocketCore(own, family, type);
  const defaults: StreamDefaults = {
    ...(options.externalFormat === undefined ? {} : { externalFormat: options.externalFormat }),
    ...(options.inputBufferSize === undefined ? {} : { inputBufferSize: options.inputBufferSize }),
    ...(options.outputBufferSize === undefined ? {} : { outputBufferSize: options.outputBufferSize }),
  };
  return connect === 'passive' ? createPassive(core, defaults) : createActive(core, defaults);
}
