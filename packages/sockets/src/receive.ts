/**
 * `receiveFrom` (IOLib's `receive-from`): one receive system call, waiting for
 * readability on `EAGAIN` unless `dontWait`.
 */
import type { InetAddress } from '@iolib/address';
import { READABLE } from '@iolib/iomux';
import { SOCKADDR_STORAGE, decodeName, type DecodedName } from './addressing.js';
import { checkRange, toBytes } from './buffers.js';
import { socketError } from './errors.js';
import type { SocketCore } from './core.js';
import { coreOf } from './handle.js';
import { EAGAIN, EINTR, MSG_DONTWAIT, MSG_OOB, MSG_PEEK, MSG_WAITALL, errno, recv, recvfrom } from './sys.js';
import type { ActiveSocket } from './types.js';

/**
 * The sender address of the receive in progress: shared, because JavaScript
 * runs one `recvfrom` at a time and the address is decoded before any await.
 */
const FROM = Buffer.alloc(SOCKADDR_STORAGE);
const FROM_LEN = new Uint32Array(1);
/** The last decoded sender: a peer that keeps talking is decoded once (addresses are immutable). */
let lastRaw = Buffer.alloc(SOCKADDR_STORAGE);
let lastLen = -1;
let lastName: DecodedName | undefined;

function decodeCached(raw: Buffer, len: number): DecodedName {
  if (lastName !== undefined && len === lastLen && raw.compare(lastRaw, 0, len, 0, len) === 0) return lastName;
  const name = decodeName(raw, len);
  lastRaw = Buffer.from(raw.subarray(0, len));
  lastLen = len;
  lastName = name;
  return name;
}

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
export function receiveFrom(socket: ActiveSocket, options: ReceiveFromOptions): Promise<ReceiveResult> {
  let op: Receive;
  try {
    op = prepare(socket, options);
    // Fast path: the data is there; no async machinery at all.
    const r = attempt(op);
    if (r !== undefined) return Promise.resolve(r);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return slow(op);
}

/** One receive, checked and ready to attempt. */
interface Receive {
  readonly core: SocketCore;
  readonly buffer: Buffer;
  readonly start: number;
  readonly end: number;
  readonly flags: number;
  readonly datagram: boolean;
  readonly fillAll: boolean;
  readonly dontWait: boolean;
  got: number;
}

function prepare(socket: ActiveSocket, options: ReceiveFromOptions): Receive {
  const core = coreOf(socket, 'receiveFrom');
  let buffer: Buffer;
  if (options.buffer !== undefined) buffer = toBytes(options.buffer, 'receiveFrom');
  else if (options.size !== undefined) {
    if (!Number.isSafeInteger(options.size) || options.size < 0) throw new RangeError(`receiveFrom: size ${String(options.size)} is not a non-negative integer`);
    buffer = Buffer.alloc(options.size);
  } else throw new TypeError('receiveFrom: give a buffer or a size');
  const [start, end] = options.start === undefined && options.end === undefined ? [0, buffer.length] : checkRange(buffer.length, options.start, options.end, 'receiveFrom');
  let flags = 0;
  if (options.outOfBand === true) flags |= MSG_OOB;
  if (options.peek === true) flags |= MSG_PEEK;
  if (options.dontWait === true) flags |= MSG_DONTWAIT;
  const datagram = core.type === 'datagram';
  const fillAll = options.waitAll === true && !datagram && options.peek !== true;
  if (options.waitAll === true && !fillAll) flags |= MSG_WAITALL;
  return { core, buffer, start, end, flags, datagram, fillAll, dontWait: options.dontWait === true, got: 0 };
}

/** Receive what is there: the result, or `undefined` on `EAGAIN` (wait and try again); throws other errors. */
function attempt(op: Receive): ReceiveResult | undefined {
  const { core, buffer, start, end, flags, datagram } = op;
  for (;;) {
    const fd = core.use('receiveFrom');
    const at = start + op.got;
    const view = at === 0 && end === buffer.length ? buffer : buffer.subarray(at, end);
    let n: number;
    if (datagram) {
      FROM_LEN[0] = SOCKADDR_STORAGE;
      n = recvfrom(fd, view, view.length, flags, FROM, FROM_LEN);
    } else n = recv(fd, view, view.length, flags);
    if (n >= 0) {
      op.got += n;
      if (op.fillAll && n > 0 && start + op.got < end) continue;
      break;
    }
    const e = errno();
    if (e === EINTR) continue;
    if (e !== EAGAIN || op.dontWait) throw socketError(datagram ? 'recvfrom' : 'recv', e, { fd });
    return undefined;
  }
  if (!datagram) return { buffer, bytes: op.got };
  const name = decodeCached(FROM, Math.min(FROM_LEN[0] ?? 0, SOCKADDR_STORAGE));
  if (name.family === 'local') return { buffer, bytes: op.got, filename: name.address.name };
  return { buffer, bytes: op.got, host: name.host, port: name.port };
}

async function slow(op: Receive): Promise<ReceiveResult> {
  for (;;) {
    await op.core.wait(READABLE, 'receiveFrom');
    const r = attempt(op);
    if (r !== undefined) return r;
  }
}
