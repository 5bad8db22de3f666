/**
 * `receiveFrom` (IOLib's `receive-from`): one receive system call, waiting for
 * readability on `EAGAIN` unless `dontWait`.
 */
import type { InetAddress } from '@iolib/address';
import { READABLE } from '@iolib/iomux';
import { SOCKADDR_STORAGE, decodeName } from './addressing.js';
import { checkRange, toBytes } from './buffers.js';
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import { EAGAIN, EINTR, MSG_DONTWAIT, MSG_OOB, MSG_PEEK, MSG_WAITALL, errno, recv, recvfrom } from './sys.js';
import type { ActiveSocket } from './types.js';

/** Options of {@link receiveFrom}: a `buffer` (with `start`/`end`) or a `size`, and flags. */
export interface ReceiveFromOptions {
  /** Receive into this buffer (a `Uint8Array` or other `ArrayBufferView`). */
  readonly buffer?: Uint8Array | ArrayBufferView;
  /** Without `buffer`: allocate a zero-filled Buffer of this many bytes. */
  readonly size?: number;
  readonly start?: number;
  readonly end?: number;
  /** `MSG_OOB`: out-of-band data (stream sockets). */
  readonly outOfBand?: boolean;
  /** `MSG_PEEK`: leave the data in the kernel. */
  readonly peek?: boolean;
  /** `MSG_WAITALL`: stream sockets wait until the range is full (or end of stream). */
  readonly waitAll?: boolean;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting when nothing is there. */
  readonly dontWait?: boolean;
}

/** What {@link receiveFrom} returns: the buffer, the byte count, and for datagram sockets the sender. */
export interface ReceiveResult {
  /** The buffer given, or the one allocated. */
  readonly buffer: Buffer;
  /** Bytes written at `start` (0 at end of stream). */
  readonly bytes: number;
  /** Internet datagram sockets: the sender's address. */
  readonly host?: InetAddress;
  /** Internet datagram sockets: the sender's port. */
  readonly port?: number;
  /** Local datagram sockets: the sender's name (`''` when unnamed). */
  readonly filename?: string;
}

/**
 * Receive bytes into `buffer[start, end)` (or a new buffer of `size` bytes).
 *
 * System calls: `recv(2)` (stream) or `recvfrom(2)` (datagram).
 *
 * @param socket - an active socket
 * @param options - `buffer`/`start`/`end` or `size`, and the flags `outOfBand`, `peek`, `waitAll`, `dontWait`
 * @returns `{ buffer, bytes }`, plus `host`/`port` (internet datagram) or `filename` (local datagram)
 * @throws {TypeError} without `buffer` or `size`; {RangeError} for a range outside the buffer
 * @throws {SocketError} `EAGAIN` with `dontWait`, `ECONNRESET` (`SocketConnectionResetError`), `EBADF` after close, …
 * @example
 * ```ts
 * const { buffer, bytes, host, port } = await receiveFrom(udp, { size: 1500 });
 * ```
 */
export async function receiveFrom(socket: ActiveSocket, options: ReceiveFromOptions): Promise<ReceiveResult> {
  const core = coreOf(socket, 'receiveFrom');
  let buffer: Buffer;
  if (options.buffer !== undefined) buffer = toBytes(options.buffer, 'receiveFrom');
  else if (options.size !== undefined) {
    if (!Number.isSafeInteger(options.size) || options.size < 0) throw new RangeError(`receiveFrom: size ${String(options.size)} is not a non-negative integer`);
    buffer = Buffer.alloc(options.size);
  } else throw new TypeError('receiveFrom: give a buffer or a size');
  const [start, end] = checkRange(buffer.length, options.start, options.end, 'receiveFrom');
  let flags = 0;
  if (options.outOfBand === true) flags |= MSG_OOB;
  if (options.peek === true) flags |= MSG_PEEK;
  if (options.dontWait === true) flags |= MSG_DONTWAIT;
  const datagram = core.type === 'datagram';
  const from = datagram ? Buffer.alloc(SOCKADDR_STORAGE) : null;
  const fromLen = datagram ? new Uint32Array(1) : null;
  const fillAll = options.waitAll === true && !datagram && options.peek !== true;
  if (options.waitAll === true && !fillAll) flags |= MSG_WAITALL;
  let got = 0;
  for (;;) {
    const fd = core.use('receiveFrom');
    const view = buffer.subarray(start + got, end);
    let n: number;
    if (from !== null && fromLen !== null) {
      fromLen[0] = SOCKADDR_STORAGE;
      n = recvfrom(fd, view, view.length, flags, from, fromLen);
    } else n = recv(fd, view, view.length, flags);
    if (n >= 0) {
      got += n;
      if (fillAll && n > 0 && start + got < end) continue;
      break;
    }
    const e = errno();
    if (e === EINTR) continue;
    if (e !== EAGAIN || options.dontWait === true) throw socketError(datagram ? 'recvfrom' : 'recv', e, { fd });
    await core.wait(READABLE, 'receiveFrom');
  }
  if (from === null || fromLen === null) return { buffer, bytes: got };
  const name = decodeName(from, Math.min(fromLen[0] ?? 0, SOCKADDR_STORAGE));
  if (name.family === 'local') return { buffer, bytes: got, filename: name.address.name };
  return { buffer, bytes: got, host: name.host, port: name.port };
}
