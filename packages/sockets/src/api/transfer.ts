/**
 * The data operations over socket objects: `sendTo`, `receiveFrom`, and fd
 * passing. Each checks that it got a socket of this package and runs the
 * operation on its core (the send and receive fast paths live in `ops/`).
 */
import { coreOf } from '../core/handle.js';
import { rejection } from '../core/parked-op.js';
import { receiveFileDescriptor as receiveFdCore, sendFileDescriptor as sendFdCore } from '../ops/fd-passing.js';
import { receiveFrom as receiveCore } from '../ops/receive.js';
import { sendTo as sendCore } from '../ops/send.js';
import type { ActiveSocket } from '../socket/classes.js';
import type { Bytes, FdPassingOptions, ReceiveFromOptions, ReceiveResult, SendToOptions } from '../types.js';

/**
 * Send bytes from `buffer[start, end)`: one `send`/`sendto` call, so a stream
 * socket may send fewer bytes than asked (the stream interface completes
 * partial writes; this is the system call). Always `MSG_NOSIGNAL`: a closed
 * peer gives `EPIPE`, never `SIGPIPE`.
 *
 * System calls: `send(2)` or `sendto(2)`.
 *
 * @param socket - an active socket
 * @param buffer - `Uint8Array`, `ArrayBufferView`, or array of octets
 * @param options - range, destination, flags
 * @returns the number of bytes sent
 * @throws {RangeError} for a range outside the buffer or a bad port; {TypeError} for a bad buffer or destination
 * @throws {SocketError} `EAGAIN` with `dontWait`, `EDESTADDRREQ` without destination, `EPIPE`, `EBADF` after close, …
 * @example
 * ```ts
 * await sendTo(udp, Buffer.from('ping'), { remoteHost: '127.0.0.1', remotePort: 9000 });
 * ```
 */
export function sendTo(socket: ActiveSocket, buffer: Bytes, options?: SendToOptions): Promise<number> {
  try {
    return sendCore(coreOf(socket, 'sendTo'), buffer, options);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * Receive bytes into `buffer[start, end)` (or a new buffer of at most `size` bytes).
 * A `size` above 64 KiB is an upper bound, not an allocation: the buffer is
 * made once data is there, for the next datagram's whole length or the bytes
 * queued on a stream (at most `size`), so `size: 2 ** 31` costs nothing extra;
 * with `waitAll` on a stream the whole `size` is allocated, as it must be filled.
 *
 * System calls: `recv(2)` (stream) or `recvfrom(2)` (datagram); for a `size`
 * above 64 KiB first `recv(2)` with `MSG_PEEK | MSG_TRUNC` (datagram) or
 * `ioctl(2)` `FIONREAD` (stream).
 *
 * @param socket - an active socket
 * @param options - `buffer`/`start`/`end` or `size`, the flags `outOfBand`, `peek`, `waitAll`, `dontWait`, and `signal` (an abort rejects with its reason; the socket stays usable)
 * @returns `{ buffer, bytes }`, plus `host`/`port` (internet datagram) or `filename` (local datagram)
 * @throws {TypeError} without `buffer` or `size`; {RangeError} for a range outside the buffer or a `size` that is not a non-negative safe integer
 * @throws {SocketError} `EAGAIN` with `dontWait`, `ECONNRESET` (`SocketConnectionResetError`), `EBADF` after close, …
 * @example
 * ```ts
 * const { buffer, bytes, host, port } = await receiveFrom(udp, { size: 1500 });
 * ```
 */
export function receiveFrom(socket: ActiveSocket, options: ReceiveFromOptions): Promise<ReceiveResult> {
  try {
    return receiveCore(coreOf(socket, 'receiveFrom'), options);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * Send a copy of file descriptor `fd` to the peer, as `SCM_RIGHTS` ancillary
 * data with one data byte.
 *
 * System call: `sendmsg(2)`.
 *
 * @param socket - a connected local socket (stream or datagram)
 * @param fd - an open fd of this process (it stays open here)
 * @param options - `signal` aborts the wait (the promise rejects with its reason)
 * @returns when sent
 * @throws {TypeError} on an internet socket or for an `fd` that is not a number; {RangeError} for a number that is no fd
 * @throws {SocketError} `EBADF` for a closed `fd` or socket, `ENOTCONN`, …
 * @example
 * ```ts
 * await sendFileDescriptor(pair[0], fs.openSync('/etc/hostname', 'r'));
 * ```
 */
export async function sendFileDescriptor(socket: ActiveSocket, fd: number, options?: FdPassingOptions): Promise<void> {
  return sendFdCore(coreOf(socket, 'sendFileDescriptor'), fd, options);
}

/**
 * Receive a file descriptor sent with {@link sendFileDescriptor}. The new fd
 * is close-on-exec and belongs to the caller (close it with `fs.closeSync`).
 *
 * System call: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
 *
 * @param socket - a connected local socket (stream or datagram)
 * @param options - `signal` aborts the wait (the promise rejects with its reason)
 * @returns the new fd
 * @throws {TypeError} on an internet socket
 * @throws {SocketError} `EBADMSG` when the message carried no fd, `ECONNRESET` at end of stream, `EBADF` after close
 * @example
 * ```ts
 * const fd = await receiveFileDescriptor(pair[1]);
 * ```
 */
export async function receiveFileDescriptor(socket: ActiveSocket, options?: FdPassingOptions): Promise<number> {
  return receiveFdCore(coreOf(socket, 'receiveFileDescriptor'), options);
}
