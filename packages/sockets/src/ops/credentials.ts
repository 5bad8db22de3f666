/**
 * `peerCredentials`: who is at the other end of a local socket (`SO_PEERCRED`).
 */
import { socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import { E, SOL_SOCKET, SO_PEERCRED, UCRED_SIZE, decodeCredentials, getsockopt, trySyscall } from '../core/sys.js';
import type { Credentials } from '../types.js';

const ENOTCONN = E.ENOTCONN ?? 107;

/**
 * getsockopt(2) `SO_PEERCRED` on a local socket; the public `peerCredentials`
 * (api) documents the behaviour.
 *
 * @param core - the socket's core
 * @returns `{ pid, uid, gid }`
 * @throws {TypeError} on an internet socket; {SocketNotConnectedError} without a peer; {SocketError} `EBADF` after close
 * @example
 * ```ts
 * peerCredentials(core).pid;
 * ```
 */
export function peerCredentials(core: SocketCore): Credentials {
  const op = 'peerCredentials';
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
