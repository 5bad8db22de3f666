/**
 * Batched datagrams over socket objects: `sendMany` (sendmmsg) and
 * `receiveMany` (recvmmsg).
 */
import { coreOf } from '../core/handle.js';
import { rejection } from '../core/parked-op.js';
import { receiveMany as receiveManyCore } from '../ops/receive-many.js';
import { sendMany as sendManyCore } from '../ops/send-many.js';
import type { DatagramSocket } from '../socket/classes.js';
import type { OutgoingDatagram, ReceivedDatagram, ReceiveManyOptions, SendManyOptions } from '../types.js';

/**
 * Send several datagrams in one system call. Like `sendTo`, this is the
 * system call: the kernel takes as many as fit in the socket's buffer (at
 * least one; it waits for room when none fits), and the result says how many;
 * send the rest with another call. Each message names its destination on an
 * unconnected socket (`remoteHost` and `remotePort`, or `remoteFilename`);
 * address literals need no lookup and are parsed once.
 *
 * System call: `sendmmsg(2)` (with `MSG_NOSIGNAL`).
 *
 * @param socket - a datagram socket
 * @param messages - 1–1024 datagrams: `{ buffer, remoteHost?, remotePort?, remoteFilename? }`
 * @param options - `signal` aborts the wait (the promise rejects with its reason; the socket stays usable)
 * @returns how many datagrams were sent, from the first
 * @throws {TypeError} for a stream socket, a bad message or a destination that does not fit the socket (also a host without a port)
 * @throws {RangeError} for an empty or too long array, or a bad port
 * @throws {SocketError} `EDESTADDRREQ` without destination, `ECONNREFUSED` after an ICMP error, `EBADF` after close, …
 * @example
 * ```ts
 * const batch = Array.from({ length: 64 }, (_, i) => ({ buffer: Buffer.from(`tick ${i}`), remoteHost: '127.0.0.1', remotePort: 9000 }));
 * let sent = 0;
 * while (sent < batch.length) sent += await sendMany(udp, batch.slice(sent));
 * ```
 */
export function sendMany(socket: DatagramSocket, messages: readonly OutgoingDatagram[], options?: SendManyOptions): Promise<number> {
  try {
    return sendManyCore(coreOf(socket, 'sendMany'), messages, options);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * Receive at least one and at most `count` datagrams in one system call,
 * waiting for the first when none is there. Each comes in a Buffer of its own
 * length with its sender; one longer than `size` is cut and marked `truncated`.
 *
 * System call: `recvmmsg(2)`.
 *
 * @param socket - a datagram socket
 * @param options - `count` (1–1024, default 64), `size` (bytes per datagram, default 65536), `signal`
 * @returns the datagrams: `{ buffer, bytes, host?, port?, filename?, truncated }`
 * @throws {TypeError} for a stream socket; {RangeError} for a bad `count` or `size`
 * @throws {SocketError} `EBADF` after close (also while waiting), `ECONNREFUSED` after an ICMP error, …
 * @example
 * ```ts
 * for (const d of await receiveMany(udp, { count: 32 })) console.log(d.host, d.port, d.buffer.toString());
 * ```
 */
export function receiveMany(socket: DatagramSocket, options?: ReceiveManyOptions): Promise<ReceivedDatagram[]> {
  try {
    return receiveManyCore(coreOf(socket, 'receiveMany'), options);
  } catch (e) {
    return rejection(e);
  }
}
