/**
 * Messages with ancillary data over socket objects: `sendMessage`,
 * `receiveMessage` (sendmsg(2) / recvmsg(2): scatter/gather, fds, credentials,
 * packet information) and `peerCredentials` (`SO_PEERCRED`).
 */
import { coreOf } from '../core/handle.js';
import { rejection } from '../core/parked-op.js';
import { peerCredentials as peerCredentialsCore } from '../ops/credentials.js';
import { receiveMessage as receiveCore, sendMessage as sendCore } from '../ops/message.js';
import type { ActiveSocket } from '../socket/classes.js';
import type { Credentials, ReceiveMessageOptions, ReceiveMessageResult, SendMessageOptions } from '../types.js';

/**
 * Send one message: the bytes of `buffers` (gathered in order), passed file
 * descriptors (`fds`, several at once) and credentials, to the connected peer
 * or to `remoteHost` + `remotePort` / `remoteFilename`. A datagram or
 * seqpacket message goes whole or not at all; a stream socket may take fewer
 * bytes (the count says how many; the fds travel with the first byte).
 *
 * System call: `sendmsg(2)` (`MSG_NOSIGNAL` unless `noSignal: false`), waiting
 * for writability on `EAGAIN` unless `dontWait`.
 *
 * @param socket - an active socket (`fds` and `credentials`: local sockets only)
 * @param options - `buffers`; destination; `fds`; `credentials` (`true`: this process's); `dontWait`, `more`, `noSignal`; `signal`
 * @returns the number of bytes sent
 * @throws {TypeError} for a bad buffer or destination, `fds`/`credentials` on an internet socket, `remoteHost` without `remotePort`
 * @throws {RangeError} for no fd or more than 253, or a value that is not an fd number
 * @throws {SocketError} `EAGAIN` with `dontWait`, `EBADF` (a closed fd passed, or the socket closed), `EPERM` (credentials
 *   not your own, unprivileged), `EPIPE`, …; the signal's reason when `signal` aborts first
 * @example
 * ```ts
 * await sendMessage(unixSocket, { buffers: [header, body], fds: [configFd, logFd], credentials: true });
 * ```
 */
export function sendMessage(socket: ActiveSocket, options: SendMessageOptions): Promise<number> {
  try {
    return sendCore(coreOf(socket, 'sendMessage'), options);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * Receive one message: its bytes into `buffers` (scattered in order) or a new
 * Buffer of `size` bytes, the fds passed with it (at most `maxFds`, default 16;
 * more are closed at once and `controlTruncated` says so), the sender's
 * credentials and, for UDP with `packetInfo`, the address the datagram was sent
 * to and the interface it arrived on. `bytes` is what was stored: a longer
 * datagram or record is cut and `truncated` is set. Received fds are
 * close-on-exec and the caller's to close.
 *
 * System call: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`, waiting for readability on
 * `EAGAIN` unless `dontWait`; `credentials: true` first turns `SO_PASSCRED` on and
 * `packetInfo: true` turns `IP_PKTINFO` / `IPV6_RECVPKTINFO` on (`setsockopt(2)`,
 * once per socket; they apply to what arrives from that call on).
 *
 * @param socket - an active socket
 * @param options - `buffers` or `size`; `maxFds`; `credentials`; `packetInfo`; `peek`, `waitAll` (streams: fill the buffers), `dontWait`; `signal`
 * @returns `{ bytes, buffers, fds, truncated, controlTruncated }`, plus `host`/`port` (internet datagram) or
 *   `filename` (local datagram), `credentials` and `destination` when present
 * @throws {TypeError} without `buffers` or `size`, `credentials` on an internet socket, `packetInfo` on a local one
 * @throws {RangeError} for a bad `size` or `maxFds`
 * @throws {SocketError} `EAGAIN` with `dontWait`, `EBADF` when closed (also while waiting), …; the signal's reason
 *   when `signal` aborts first (nothing is consumed)
 * @example
 * ```ts
 * const { buffers, bytes, fds, credentials } = await receiveMessage(unixSocket, { size: 512, maxFds: 3, credentials: true });
 * ```
 */
export function receiveMessage(socket: ActiveSocket, options: ReceiveMessageOptions): Promise<ReceiveMessageResult> {
  try {
    return receiveCore(coreOf(socket, 'receiveMessage'), options);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * The credentials of the process at the other end of a connected local
 * socket, as the kernel recorded them when the connection (or pair) was made.
 * They do not change if that process later changes its ids or passes the
 * socket on.
 *
 * System call: `getsockopt(2)` `SO_PEERCRED`.
 *
 * @param socket - a connected local socket: stream, seqpacket, or a socket pair end
 * @returns `{ pid, uid, gid }`
 * @throws {TypeError} on an internet socket
 * @throws {SocketNotConnectedError} when the socket has no peer; {SocketError} `EBADF` when closed
 * @example
 * ```ts
 * const conn = await acceptConnection(server);
 * if (peerCredentials(conn!.socket).uid !== 0) conn!.socket.destroy();
 * ```
 */
export function peerCredentials(socket: ActiveSocket): Credentials {
  return peerCredentialsCore(coreOf(socket, 'peerCredentials'));
}
