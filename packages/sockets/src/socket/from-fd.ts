/**
 * `makeSocketFromFd` (IOLib's `make-socket-from-fd`): adopt an existing socket
 * fd, discovering its family (`SO_DOMAIN`) and type (`SO_TYPE`).
 */
import { SocketCore } from '../core/socket-core.js';
import { adoptFd } from '../ops/from-fd.js';
import type { StreamDefaults } from '../types.js';
import { socketOf, type Socket } from './classes.js';
import { streamDefaults } from './stream-defaults.js';

/** Options of {@link makeSocketFromFd}. */
export interface FromFdOptions extends StreamDefaults {
  /** `'active'` or `'passive'`; default: discovered (`SO_ACCEPTCONN`: listening → passive). */
  readonly connect?: 'active' | 'passive';
  /** Work on a duplicate (default true, as IOLib): the caller keeps `fd` and closes it. */
  readonly dup?: boolean;
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
 * @throws {RangeError} for a number that is not an fd; {TypeError} for a non-number `fd`, a bad `connect` or a passive datagram socket
 * @example
 * ```ts
 * const s = await makeSocketFromFd(3); // e.g. an fd inherited from systemd
 * ```
 */
export async function makeSocketFromFd(fd: number, options: FromFdOptions = {}): Promise<Socket> {
  await Promise.resolve();
  return socketFromFd(fd, options);
}

/**
 * {@link makeSocketFromFd} without the promise, for callers that must answer
 * synchronously (`@iolib/systemd`'s `listenFds`). Internal: exported from
 * `@iolib/sockets/internal` only.
 *
 * @param fd - an open socket fd
 * @param options - as {@link makeSocketFromFd}
 * @returns the socket of the matching class
 * @throws as {@link makeSocketFromFd}, synchronously
 */
export function socketFromFd(fd: number, options: FromFdOptions = {}): Socket {
  const adopted = adoptFd(fd, options.connect, options.dup ?? true);
  const defaults = streamDefaults(options);
  const core = new SocketCore(adopted.fd, adopted.family, adopted.type);
  // A listening socket keeps the process alive, as one made by listenOn does.
  if (adopted.passive) core.keepAlive(true);
  return socketOf(core, adopted.passive, defaults);
}
