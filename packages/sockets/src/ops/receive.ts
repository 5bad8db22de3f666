/**
 * recv(2) / recvfrom(2): one receive system call, waiting for readability on
 * `EAGAIN` unless `dontWait` (IOLib's `receive-from`).
 */
import { constants } from 'node:buffer';
import { READABLE } from '@iolib/iomux';
import { SOCKADDR_STORAGE, isLocalName } from '../core/addressing.js';
import { checkSignal } from '../core/abort.js';
import { checkRange, toBytes } from '../core/buffers.js';
import { socketError } from '../core/errors.js';
import { ParkedOp, parkOp, rejection } from '../core/parked-op.js';
import { decodeSender, nameRoom } from '../core/sender.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  EAGAIN,
  EINTR,
  FIONREAD,
  MSG_DONTWAIT,
  MSG_OOB,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  errno,
  ioctl_int,
  recv,
  recvfrom,
} from '../core/sys.js';
import type { ReceiveFromOptions, ReceiveResult } from '../types.js';

const MAX_LENGTH = constants.MAX_LENGTH;

/**
 * The sender address of the receive in progress: shared, because JavaScript
 * runs one `recvfrom` at a time and the address is decoded before any await.
 */
const FROM = nameRoom();
const FROM_LEN = new Uint32Array(1);

/**
 * Sizes up to this are allocated as asked, before the first try (the fast
 * path). A larger `size` is an upper bound: the buffer is allocated when data
 * is there, for what is there (the next datagram's length, or the bytes queued
 * on a stream), so `size: 2 ** 31` costs no 2 GiB for a 3-byte datagram.
 */
const EAGER_SIZE = 65_536;

/** The empty placeholder of a lazily sized receive until its data arrives. */
const NOT_YET = Buffer.alloc(0);

/**
 * How many bytes the next receive on `fd` would get, or -1 with errno set:
 * the next datagram's full length (`recv(MSG_PEEK | MSG_TRUNC)`, which Linux
 * answers for UDP and Unix datagram and seqpacket sockets), or the bytes
 * queued on a stream (`ioctl(FIONREAD)`; 0 at end of file and when nothing is
 * queued, which the receive itself then tells apart).
 */
function pendingBytes(fd: number, datagram: boolean, flags: number): number {
  if (datagram) return recv(fd, NOT_YET, 0, (flags & (MSG_DONTWAIT | MSG_OOB)) | MSG_PEEK | MSG_TRUNC);
  return ioctl_int(fd, FIONREAD);
}

/**
 * Receive into `buffer[start, end)` (or a new buffer of `size` bytes): the
 * fast path takes data that is already there without a waiter or an extra
 * promise; a socket whose first tries keep finding nothing waits first (see
 * `SocketCore.receiveTry`). The public `receiveFrom` (api) documents the behaviour.
 *
 * System calls: `recv(2)` (stream) or `recvfrom(2)` (datagram).
 *
 * @param core - the socket's core
 * @param options - `buffer`/`start`/`end` or `size`, and flags
 * @returns the bytes and, for datagram sockets, the sender (a rejected promise for every failure)
 * @throws never synchronously: {RangeError}, {TypeError} and socket errors reject
 * @example
 * ```ts
 * const { bytes } = await receiveFrom(core, { size: 1500 });
 * ```
 */
export function receiveFrom(core: SocketCore, options: ReceiveFromOptions): Promise<ReceiveResult> {
  try {
    const op = new Receive(core, options);
    // An aborted signal rejects at once (parkOp), even when data is there.
    if (op.signal?.aborted === true || (!op.dontWait && !core.receiveTry.shouldTry())) return parkOp(op);
    // Fast path: the data is there; no waiter, no extra promise.
    const r = op.attempt();
    if (!op.dontWait) core.receiveTry.record(r !== undefined);
    return r === undefined ? parkOp(op) : Promise.resolve(r);
  } catch (e) {
    return rejection(e);
  }
}

/**
 * One receive, checked and ready to attempt; parked on the socket as its own
 * waiter when the kernel has nothing yet (its retry runs in the poll callback).
 */
class Receive extends ParkedOp<ReceiveResult> {
  buffer: Buffer;
  readonly start: number;
  end: number;
  /** For a `size` above {@link EAGER_SIZE}: the most to allocate once data is there; 0 once allocated (or never lazy). */
  lazySize = 0;
  readonly flags: number;
  readonly datagram: boolean;
  readonly fillAll: boolean;
  readonly dontWait: boolean;
  got = 0;

  constructor(core: SocketCore, options: ReceiveFromOptions) {
    super(core, 'receiveFrom', READABLE, checkSignal(options.signal, 'receiveFrom'));
    let buffer: Buffer;
    if (options.buffer !== undefined) buffer = toBytes(options.buffer, 'receiveFrom');
    else if (options.size !== undefined) {
      const size = options.size;
      if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`receiveFrom: size ${String(size)} is not a non-negative integer`);
      const fillAll = options.waitAll === true && core.type !== 'datagram' && options.peek !== true;
      if (size <= EAGER_SIZE || options.start !== undefined || options.end !== undefined) buffer = Buffer.alloc(size);
      else if (!fillAll) {
        buffer = NOT_YET;
        this.lazySize = size;
      } else if (size > MAX_LENGTH) {
        throw new RangeError(`receiveFrom: size ${size} with waitAll needs a buffer of that size, above Node's limit ${MAX_LENGTH}`);
      } else buffer = Buffer.alloc(size);
    } else throw new TypeError('receiveFrom: give a buffer or a size');
    this.buffer = buffer;
    if (options.start === undefined && options.end === undefined) {
      this.start = 0;
      this.end = buffer.length;
    } else [this.start, this.end] = checkRange(buffer.length, options.start, options.end, 'receiveFrom');
    const datagram = core.type === 'datagram';
    const dontWait = options.dontWait === true;
    const peek = options.peek === true;
    const fillAll = options.waitAll === true && core.type === 'stream' && !peek;
    let flags = 0;
    if (options.outOfBand === true) flags |= MSG_OOB;
    if (peek) flags |= MSG_PEEK;
    if (dontWait) flags |= MSG_DONTWAIT;
    if (options.waitAll === true && !fillAll) flags |= MSG_WAITALL;
    this.flags = flags;
    this.datagram = datagram;
    this.fillAll = fillAll;
    this.dontWait = dontWait;
  }

  /** Receive what is there: the result, or `undefined` on `EAGAIN` (wait and try again); throws other errors. */
  attempt(): ReceiveResult | undefined {
    if (this.lazySize !== 0 && !this.allocate()) return undefined;
    const { core, buffer, start, end, flags, datagram } = this;
    for (;;) {
      const fd = core.use('receiveFrom');
      const at = start + this.got;
      // A range starting at 0 needs no view: the length argument ends it.
      const view = at === 0 ? buffer : buffer.subarray(at, end);
      let n: number;
      if (datagram) {
        FROM_LEN[0] = SOCKADDR_STORAGE;
        n = recvfrom(fd, view, end - at, flags, FROM.bytes, FROM_LEN);
      } else n = recv(fd, view, end - at, flags);
      if (n >= 0) {
        this.got += n;
        if (this.fillAll && n > 0 && start + this.got < end) continue;
        break;
      }
      const e = errno();
      if (e === EINTR) continue;
      if (e !== EAGAIN || this.dontWait) throw socketError(datagram ? 'recvfrom' : 'recv', e, { fd });
      return undefined;
    }
    if (!datagram) return { buffer, bytes: this.got };
    const name = decodeSender(core, FROM, Math.min(FROM_LEN[0] ?? 0, SOCKADDR_STORAGE));
    if (isLocalName(name)) return { buffer, bytes: this.got, filename: name.address.name };
    return { buffer, bytes: this.got, host: name.address, port: name.port };
  }

  /**
   * Allocate the buffer of a lazily sized receive for what is waiting; `false`
   * when nothing is (wait and try again). At least 1 byte on a stream, so the
   * receive itself can tell the end of the stream (0) from nothing yet (`EAGAIN`).
   */
  allocate(): boolean {
    const fd = this.core.use('receiveFrom');
    let n: number;
    do n = pendingBytes(fd, this.datagram, this.flags);
    while (n < 0 && errno() === EINTR);
    if (n < 0) {
      const e = errno();
      if (e !== EAGAIN || this.dontWait) throw socketError(this.datagram ? 'recv' : 'ioctl', e, { fd });
      return false;
    }
    this.buffer = Buffer.alloc(Math.min(this.lazySize, this.datagram ? n : Math.max(n, 1)));
    this.end = this.buffer.length;
    this.lazySize = 0;
    return true;
  }
}
