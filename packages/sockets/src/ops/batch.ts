/**
 * recvmmsg(2) into a batch of receive buffers: the batched receive under
 * `receiveMany`, the `'message'` events and the async iterator, and the
 * recvmsg(2) into its first slot that the events make while idle (one
 * message, a cheaper call). One shared batch of 64 × 64 KiB serves every
 * socket (JavaScript runs one receive at a time and each datagram is copied
 * out before anything else runs).
 */
// Imported: Node's global `Buffer` is an accessor, a slower load on the per-message path.
import { Buffer } from 'node:buffer';
import { socketError } from '../core/errors.js';
import { decodeSender, nameRoom, type NameRoom } from '../core/sender.js';
import type { SocketCore } from '../core/socket-core.js';
import { EAGAIN, EINTR, MMsgHdrs, MsgHdr, MSG_TRUNC, addressOf, errno, recvmmsg, recvmsgAt } from '../core/sys.js';
import type { DecodedName } from '../types.js';
import { SOCKADDR_STORAGE } from '../core/addressing.js';

/** Most datagrams one batched receive takes. */
export const MAX_BATCH = 64;
/** Room per datagram in the shared batch: the largest UDP payload fits. */
export const MAX_DATAGRAM = 65536;

/** Receive buffers and sender rooms for up to `hdrs.count` datagrams. */
export class ReceiveBatch {
  readonly hdrs: MMsgHdrs;
  readonly data: Buffer[] = [];
  readonly names: NameRoom[] = [];
  /** Messages the last call filled (their lengths need a reset before the next). */
  #dirty = 0;
  /** After {@link ReceiveBatch.receiveOne}: the message's full length (slot 0 is not described by `hdrs`); -1 otherwise. */
  #oneLength = -1;
  /** Per slot: the view {@link ReceiveBatch.copy} copied from last. */
  readonly #views: (Uint8Array | undefined)[] = [];
  /** A `struct msghdr` over slot 0's data and sender rooms, and its address, for {@link ReceiveBatch.receiveOne}. */
  readonly #one = new MsgHdr(1);
  readonly #oneAt = addressOf(this.#one.buffer);

  /**
   * @param count - datagrams per call (1–1024)
   * @param size - bytes of room per datagram
   */
  constructor(count: number, size: number) {
    this.hdrs = new MMsgHdrs(count);
    const all = Buffer.alloc(count * size);
    for (let i = 0; i < count; i++) {
      const data = all.subarray(i * size, (i + 1) * size);
      const name = nameRoom();
      this.data.push(data);
      this.names.push(name);
      this.hdrs.set(i, data, name.bytes);
      if (i === 0) this.#one.setBuffer(data).setName(name.bytes);
    }
  }

  /**
   * One recvmmsg(2) of up to `count` datagrams.
   *
   * @param core - the receiving socket's core
   * @param count - 1 … the batch's size
   * @param op - the operation, for errors
   * @returns how many arrived (at least 1), or `undefined` on `EAGAIN`
   * @throws {SocketError} for other failures (`EBADF` when closed)
   */
  receive(core: SocketCore, count: number, op: string): number | undefined {
    this.#oneLength = -1;
    this.hdrs.resetLengths(this.#dirty);
    this.#dirty = 0;
    for (;;) {
      const fd = core.use(op);
      const n = recvmmsg(fd, this.hdrs.buffer, count, 0, null);
      if (n >= 0) {
        this.#dirty = n;
        return n;
      }
      const e = errno();
      if (e === EINTR) continue;
      if (e === EAGAIN) return undefined;
      throw socketError('recvmmsg', e, { fd });
    }
  }

  /**
   * One recvmsg(2) into slot 0, asking for the full length (`MSG_TRUNC`):
   * while one message at a time arrives, cheaper than a recvmmsg(2) of one.
   * `bytes(0)`, `truncated(0)`, `copy(0)` and `sender(core, 0)` then describe it.
   *
   * @param core - the receiving socket's core
   * @param op - the operation, for errors
   * @returns the message's full length (more than slot 0's room when cut), or -1 on `EAGAIN`
   * @throws {SocketError} for other failures (`EBADF` when closed)
   */
  receiveOne(core: SocketCore, op: string): number {
    const one = this.#one;
    for (;;) {
      const fd = core.use(op);
      one.resetLengths();
      // By address: the header and its rooms are this batch's own for good (see `addressOf`).
      const n = recvmsgAt(fd, this.#oneAt, MSG_TRUNC);
      if (n >= 0) {
        this.#oneLength = n;
        return n;
      }
      const e = errno();
      if (e === EINTR) continue;
      if (e === EAGAIN) return -1;
      throw socketError('recvmsg', e, { fd });
    }
  }

  /** The system call behind the messages now in the batch, for errors about them. */
  get call(): 'recvmsg' | 'recvmmsg' {
    return this.#oneLength >= 0 ? 'recvmsg' : 'recvmmsg';
  }

  /** The full length of message `i` of the last call (more than its room when cut). */
  #length(i: number): number {
    return i === 0 && this.#oneLength >= 0 ? this.#oneLength : this.hdrs.messageLength(i);
  }

  /** Bytes stored for message `i` of the last call. */
  bytes(i: number): number {
    return Math.min(this.#length(i), this.data[i]?.length ?? 0);
  }

  /** Whether message `i` was longer than its room (`MSG_TRUNC`). */
  truncated(i: number): boolean {
    if (i === 0 && this.#oneLength >= 0) return this.#oneLength > (this.data[0]?.length ?? 0);
    return (this.hdrs.flags(i) & MSG_TRUNC) !== 0;
  }

  /** Message `i`'s bytes, copied into a Buffer of their own. */
  copy(i: number): Buffer {
    const n = this.bytes(i);
    const out = Buffer.allocUnsafe(n);
    // `set` from a view: cheaper than `Buffer#copy`, which validates its arguments in JavaScript first.
    out.set(this.#view(i, n));
    return out;
  }

  /** The first `n` bytes of slot `i`: one view per slot, made again only when the length changes (messages of one size make none). */
  #view(i: number, n: number): Uint8Array {
    const last = this.#views[i];
    if (last !== undefined && last.length === n) return last;
    const data = this.data[i];
    if (data === undefined) throw new RangeError(`receive batch index ${i} is out of range`);
    const view = new Uint8Array(data.buffer, data.byteOffset, n);
    this.#views[i] = view;
    return view;
  }

  /** Message `i`'s sender, decoded (once per peer, see `decodeSender`). */
  sender(core: SocketCore, i: number): DecodedName {
    const room = this.names[i];
    if (room === undefined) throw new RangeError(`receive batch index ${i} is out of range`);
    const length = i === 0 && this.#oneLength >= 0 ? this.#one.nameLength : this.hdrs.nameLength(i);
    return decodeSender(core, room, Math.min(length, SOCKADDR_STORAGE));
  }
}

let shared: ReceiveBatch | undefined;

/**
 * The shared batch ({@link MAX_BATCH} × {@link MAX_DATAGRAM}), made on first use.
 *
 * @returns the batch
 * @example
 * ```ts
 * const n = sharedBatch().receive(core, 8, 'receiveMany');
 * ```
 */
export function sharedBatch(): ReceiveBatch {
  shared ??= new ReceiveBatch(MAX_BATCH, MAX_DATAGRAM);
  return shared;
}
