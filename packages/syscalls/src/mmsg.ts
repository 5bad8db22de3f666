/**
 * Reusable `struct mmsghdr` arrays for sendmmsg(2) / recvmmsg(2): a batch of
 * datagrams in one FFI call. Like `MsgHdr`, the builder keeps every Buffer it
 * points at referenced until replaced.
 *
 * @example
 * ```ts
 * const batch = new MMsgHdrs(8);
 * for (let i = 0; i < 8; i++) batch.set(i, Buffer.alloc(2048));
 * const got = syscall('recvmmsg', () => recvmmsg(fd, batch.buffer, 8, MSG_DONTWAIT, null));
 * ```
 */
import { koffi } from './libc.js';
import { getSize, keepOwner, putPointer, putSize } from './pointers.js';
import { IOVEC_SIZE, MMSGHDR_MSG_LEN_OFFSET, MMSGHDR_SIZE, MSGHDR } from './structs.js';

function checkIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`mmsghdr index ${String(index)} is outside 0–${count - 1}`);
  }
}

interface Slot {
  data: Uint8Array | undefined;
  name: Uint8Array | null;
  nameCapacity: number;
  control: Uint8Array | null;
  controlCapacity: number;
}

/**
 * `count` consecutive `struct mmsghdr`, one iovec (and optional name / control)
 * each, for sendmmsg(2) / recvmmsg(2): a batch of datagrams in one call.
 *
 * @example
 * ```ts
 * const batch = new MMsgHdrs(8);
 * for (let i = 0; i < 8; i++) batch.set(i, Buffer.alloc(2048));
 * const got = syscall('recvmmsg', () => recvmmsg(fd, batch.buffer, 8, MSG_DONTWAIT, null));
 * for (let i = 0; i < got; i++) use(batch.data(i)!.subarray(0, batch.messageLength(i)));
 * ```
 */
export class MMsgHdrs {
  /** The `struct mmsghdr[count]` array (64 bytes each) to pass to sendmmsg(2) / recvmmsg(2). */
  readonly buffer: Buffer;
  /** How many messages the batch holds. */
  readonly count: number;
  readonly #u32: Uint32Array;
  readonly #u64: BigUint64Array;
  readonly #iov: Buffer;
  readonly #iovU32: Uint32Array;
  readonly #iovU64: BigUint64Array;
  readonly #keep: Slot[];

  /**
   * @param count - messages in the batch (1–1024, `UIO_MAXIOV`)
   * @throws {RangeError} when `count` is out of range
   */
  constructor(count: number) {
    if (!Number.isInteger(count) || count < 1 || count > 1024) {
      throw new RangeError(`mmsghdr count ${String(count)} is outside 1–1024 (UIO_MAXIOV)`);
    }
    this.count = count;
    this.buffer = Buffer.alloc(MMSGHDR_SIZE * count);
    this.#u32 = new Uint32Array(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length / 4);
    this.#u64 = new BigUint64Array(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length / 8);
    this.#iov = Buffer.alloc(IOVEC_SIZE * count);
    this.#iovU32 = new Uint32Array(this.#iov.buffer, this.#iov.byteOffset, this.#iov.length / 4);
    this.#iovU64 = new BigUint64Array(this.#iov.buffer, this.#iov.byteOffset, this.#iov.length / 8);
    this.#keep = [];
    keepOwner(this.buffer, this);
    const iovBase = koffi.address(this.#iov);
    for (let i = 0; i < count; i++) {
      this.#keep.push({ data: undefined, name: null, nameCapacity: 0, control: null, controlCapacity: 0 });
      this.#u64[(i * MMSGHDR_SIZE + MSGHDR.iov) / 8] = iovBase + BigInt(i * IOVEC_SIZE);
      putSize(this.#u32, i * MMSGHDR_SIZE + MSGHDR.iovlen, 1);
    }
  }

  /**
   * Set message `index`: its data buffer, and optionally its `msg_name` (destination
   * for sendmmsg(2), room for the sender on recvmmsg(2)) and `msg_control`.
   *
   * @param index - 0 … count-1
   * @param data - bytes to send, or room to receive into
   * @param name - encoded sockaddr / receive room, or `null`
   * @param control - ancillary data / receive room, or `null`
   * @returns this
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * batch.set(0, Buffer.from('one'), encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 9000));
   * ```
   */
  set(index: number, data: Uint8Array, name: Uint8Array | null = null, control: Uint8Array | null = null): this {
    const keep = this.#slot(index);
    const base = index * MMSGHDR_SIZE;
    keep.data = data;
    putPointer(this.#iovU64, index * IOVEC_SIZE, data);
    putSize(this.#iovU32, index * IOVEC_SIZE + 8, data.byteLength);
    keep.name = name;
    keep.nameCapacity = name?.byteLength ?? 0;
    putPointer(this.#u64, base + MSGHDR.name, name);
    keep.control = control;
    keep.controlCapacity = control?.byteLength ?? 0;
    putPointer(this.#u64, base + MSGHDR.control, control);
    this.#reset(index);
    return this;
  }

  #slot(index: number): Slot {
    checkIndex(index, this.count);
    const slot = this.#keep[index];
    if (slot === undefined) throw new RangeError(`mmsghdr index ${index} has no slot`);
    return slot;
  }

  #reset(index: number): void {
    const base = index * MMSGHDR_SIZE;
    const keep = this.#slot(index);
    this.#u32[(base + MSGHDR.namelen) / 4] = keep.nameCapacity;
    putSize(this.#u32, base + MSGHDR.controllen, keep.controlCapacity);
    this.#u32[(base + MSGHDR.flags) / 4] = 0;
    this.#u32[(base + MMSGHDR_MSG_LEN_OFFSET) / 4] = 0;
  }

  /**
   * Restore the name / control capacities, flags and `msg_len` of the first
   * `count` messages (default all), ready for the next recvmmsg(2) of that many.
   *
   * @param count - how many messages to reset, 0 … count (a call receiving fewer needs fewer)
   * @returns this
   * @throws {RangeError} when `count` is out of range
   * @example
   * ```ts
   * batch.resetLengths(8); recvmmsg(fd, batch.buffer, 8, 0, null);
   * ```
   */
  resetLengths(count: number = this.count): this {
    if (!Number.isInteger(count) || count < 0 || count > this.count) {
      throw new RangeError(`mmsghdr reset count ${String(count)} is outside 0–${this.count}`);
    }
    for (let i = 0; i < count; i++) this.#reset(i);
    return this;
  }

  /**
   * `msg_len` of message `index`: bytes sent or received by the last call.
   *
   * @param index - 0 … count-1
   * @returns the byte count
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * batch.data(0)!.subarray(0, batch.messageLength(0));
   * ```
   */
  messageLength(index: number): number {
    checkIndex(index, this.count);
    return this.#u32[(index * MMSGHDR_SIZE + MMSGHDR_MSG_LEN_OFFSET) / 4] ?? 0;
  }

  /**
   * `msg_namelen` of message `index` after recvmmsg(2).
   *
   * @param index - 0 … count-1
   * @returns the sender address length
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * decodeSockaddr(batch.name(0)!, batch.nameLength(0));
   * ```
   */
  nameLength(index: number): number {
    checkIndex(index, this.count);
    return this.#u32[(index * MMSGHDR_SIZE + MSGHDR.namelen) / 4] ?? 0;
  }

  /**
   * `msg_controllen` of message `index` after recvmmsg(2).
   *
   * @param index - 0 … count-1
   * @returns bytes of ancillary data received
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * decodeControlMessages(batch.control(0)!, batch.controlLength(0));
   * ```
   */
  controlLength(index: number): number {
    checkIndex(index, this.count);
    return getSize(this.#u32, index * MMSGHDR_SIZE + MSGHDR.controllen);
  }

  /**
   * `msg_flags` of message `index` after recvmmsg(2) (`MSG_TRUNC`, …).
   *
   * @param index - 0 … count-1
   * @returns the flags
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * if (batch.flags(0) & MSG_TRUNC) console.warn('datagram truncated');
   * ```
   */
  flags(index: number): number {
    checkIndex(index, this.count);
    return this.#u32[(index * MMSGHDR_SIZE + MSGHDR.flags) / 4] ?? 0;
  }

  /**
   * The data buffer of message `index` (as set).
   *
   * @param index - 0 … count-1
   * @returns the buffer, or `undefined` if never set
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * batch.data(1)!.subarray(0, batch.messageLength(1));
   * ```
   */
  data(index: number): Uint8Array | undefined {
    return this.#slot(index).data;
  }

  /**
   * The `msg_name` buffer of message `index` (as set).
   *
   * @param index - 0 … count-1
   * @returns the buffer or `null`
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * decodeSockaddr(batch.name(0)!, batch.nameLength(0));
   * ```
   */
  name(index: number): Uint8Array | null {
    return this.#slot(index).name;
  }

  /**
   * The `msg_control` buffer of message `index` (as set).
   *
   * @param index - 0 … count-1
   * @returns the buffer or `null`
   * @throws {RangeError} when `index` is out of range
   * @example
   * ```ts
   * decodeControlMessages(batch.control(0)!, batch.controlLength(0));
   * ```
   */
  control(index: number): Uint8Array | null {
    return this.#slot(index).control;
  }
}
