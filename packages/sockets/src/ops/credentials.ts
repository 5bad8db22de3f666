/**
 * `peerCredentials`: who is at the other end of a local socket (`SO_PEERCRED`).
 */
import { SOL_SOCKET, SO_PEERCRED, UCRED_SIZE, decodeCredentials } from '@iolib/syscalls';
import type { Credentials } from '../core/ancillary.js';
import { socketError } from '../errors.js';
import { coreOf } from '../handle.js';
import { E, getsockopt, trySyscall } from '../sys.js';

const ENOTCONN = E.ENOTCONN ?? 107;

/**
 * The credentials of the peer process of a connected local socket, as the
 * kernel recorded them at `connect` / `socketpair` time (they do not change if
 * the peer later drops privileges or passes the socket on).
 *
 * System call: `getsockopt(2)` `SO_PEERCRED`.
 *
 * @param socket - a connected local socket (stream, datagram pair or seqpacket)
 * @returns `{ pid, uid, gid }`
 * @throws {TypeError} on an internet socket
 * @throws {SocketNotConnectedError} when the socket has no peer; {SocketError} `EBADF` after close
 * @example
 * ```ts
 * const conn = await acceptConnection(server);
 * const { pid, uid } = peerCredentials(conn!.socket);
 * ```
 */
export function peerCredentials(socket: unknown): Credentials {
  const op = 'peerCredentials';
  const core = coreOf(socket, op);
  if (core.family !== 'local') throw new TypeError(`${op}: works only on local (Unix) sockets; this is an ${core.family} socket`);
  const fd = core.use(op);
  const value = Buffer.alloc(UCRED_SIZE);
  const len = new Uint32Array([UCRED_SIZE]);
  const r = trySyscall(() => getsockopt(fd, SOL_SOCKET, SO_PEERCRED, value, len));
  if (r < 0) throw socketError('getsockopt', -r, { fd, detail: 'SO_PEERCRED' });
  const cred = decodeCredentials(value);
  // An unconnected socket reports pid 0 (and the overflow ids): it has no peer.
  if (cred.pid === 0) throw socketError('getsockopt', ENOTCONN, { fd, detail: 'SO_PEERCRED: the socket has no peer' });
  return cred;
}
