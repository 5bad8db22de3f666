/**
 * Reusable `struct msghdr` / `struct iovec` / `struct mmsghdr` builders for
 * sendmsg(2), recvmsg(2), sendmmsg(2), recvmmsg(2). Each builder owns a Buffer
 * holding the C struct; the pointers inside it are `koffi.address()`es of Buffers
 * the builder keeps referenced until they are replaced, so memory the kernel
 * reads or writes stays alive during the call. Reuse one builder per socket:
 * setting a field is a few typed-array stores, and the call is one FFI call.
 *
 * Batches (`struct mmsghdr`): see `./mmsg.ts`; ancillary data (cmsg(3)): see `./cmsg.ts`.
 *
 * @example
 * ```ts
 * const m = new MsgHdr(1).setBuffer(data).setControl(encodeRights([fd]));
 * syscall('sendmsg', () => sendmsg(sock, m.buffer, MSG_NOSIGNAL));
 * ```
 */
import { checkLength, getSize, keepOwner, putPointer, putSize } from './pointers.js';
import { IOVEC_SIZE, MSGHDR, MSGHDR_SIZE } from './structs.js';

/**
 * One `struct msghdr` with room for `maxIov` iovecs, for sendmsg(2) / recvmsg(2).
 *
 * After recvmsg(2) read {@link MsgHdr.nameLength}, {@link MsgHdr.controlLength} and
 * {@link MsgHdr.flags}; call {@link MsgHdr.resetLengths} before the next receive
 * (the kernel overwrote the capacities).
 *
 * @example
 * ```ts
 * const m = new MsgHdr(1).setBuffer(buf).setName(Buffer.alloc(SOCKADDR_STORAGE_SIZE));
 * const n = syscall('recvmsg', () => recvmsg(fd, m.buffer, 0));
 * const from = decodeSockaddr(m.name!, m.nameLength);
 * ```
 */
export class MsgHdr {
  /** The `struct msghdr` (56 bytes) to pass to sendmsg(2) / recvmsg(2). */
  readonly buffer: Buffer;
  /** How many iovecs fit. */
  readonly maxIov: number;
  readonly #u32: Uint32Array;
  readonly #u64: BigUint64Array;
  readonly #iov: Buffer;
  readonly #iovU32: Uint32Array;
  readonly #iovU64: BigUint64Array;
  readonly #data: (Uint8Array | undefined)[];
  #name: Uint8Array | null = null;
  #nameCapacity = 0;
  #control: Uint8Array | null = null;
  #controlCapacity = 0;

  /**
   * @param maxIov - iovec slots (1–1024, `IOV_MAX`)
   * @throws {RangeError} when `maxIov` is out of range
   */
  constructor(maxIov = 1) {
    if (!Number.isInteger(maxIov) || maxIov < 1 || maxIov > 1024) {
      throw new RangeError(`maxIov ${String(maxIov)} is outside 1–1024 (IOV_MAX)`);
    }
    this.maxIov = maxIov;
    this.buffer = Buffer.alloc(MSGHDR_SIZE);
    this.#u32 = new Uint32Array(this.buffer.buffer, this.buffer.byteOffset, MSGHDR_SIZE / 4);
    this.#u64 = new BigUint64Array(this.buffer.buffer, this.buffer.byteOffset, MSGHDR_SIZE / 8);
    this.#iov = Buffer.alloc(IOVEC_SIZE * maxIov);
    this.#iovU32 = new Uint32Array(this.#iov.buffer, this.#iov.byteOffset, this.#iov.length / 4);
    this.#iovU64 = new BigUint64Array(this.#iov.buffer, this.#iov.byteOffset, this.#iov.length / 8);
    this.#data = new Array<Uint8Array | undefined>(maxIov);
    putPointer(this.#u64, MSGHDR.iov, this.#iov);
    keepOwner(this.buffer, this);
  }

  /**
   * Point the message at one data buffer (one iovec): the fast path.
   *
   * @param data - bytes to send, or room to receive into (use `subarray` for a range)
   * @returns this
   * @example
   * ```ts
   * m.setBuffer(payload);
   * ```
   */
  setBuffer(data: Uint8Array): this {
    this.#setIov(0, data);
    putSize(this.#u32, MSGHDR.iovlen, 1);
    return this;
  }

  /**
   * Point the message at several buffers (scatter/gather, one iovec each).
   *
   * @param list - up to `maxIov` buffers
   * @returns this
   * @throws {RangeError} when there are more buffers than iovec slots
   * @example
   * ```ts
   * m.setBuffers([header, body]);
   * ```
   */
  setBuffers(list: readonly Uint8Array[]): this {
    if (list.length > this.maxIov) throw new RangeError(`${list.length} buffers exceed this MsgHdr's ${this.maxIov} iovecs`);
    list.forEach((data, i) => {
      this.#setIov(i, data);
    });
    for (let i = list.length; i < this.maxIov; i++) this.#data[i] = undefined;
    putSize(this.#u32, MSGHDR.iovlen, list.length);
    return this;
  }

  #setIov(i: number, data: Uint8Array): void {
    this.#data[i] = data;
    putPointer(this.#iovU64, i * IOVEC_SIZE, data);
    putSize(this.#iovU32, i * IOVEC_SIZE + 8, data.byteLength);
  }

  /**
   * Set `msg_name`: the destination for sendmsg(2) on an unconnected socket, or
   * room for the sender's address on recvmsg(2) (`SOCKADDR_STORAGE_SIZE` bytes).
   *
   * @param name - an encoded sockaddr, a receive buffer, or `null` for none
   * @param length - bytes of `name` to use (default: all of it)
   * @returns this
   * @throws {RangeError} when `length` exceeds `name`
   * @example
   * ```ts
   * m.setName(encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 53));
   * ```
   */
  setName(name: Uint8Array | null, length: number = name?.byteLength ?? 0): this {
    checkLength(length, name?.byteLength ?? 0, 'msg_name');
    this.#name = name;
    this.#nameCapacity = length;
    putPointer(this.#u64, MSGHDR.name, name);
    this.#u32[MSGHDR.namelen / 4] = length;
    return this;
  }

  /**
   * Set `msg_control`: ancillary data to send (`encodeRights`, …) or room to
   * receive it (`Buffer.alloc(cmsgSpace(n))`).
   *
   * @param control - the control buffer, or `null` for none
   * @param length - bytes of it to use (default: all)
   * @returns this
   * @throws {RangeError} when `length` exceeds `control`
   * @example
   * ```ts
   * m.setControl(encodeRights([pipeFd]));
   * ```
   */
  setControl(control: Uint8Array | null, length: number = control?.byteLength ?? 0): this {
    checkLength(length, control?.byteLength ?? 0, 'msg_control');
    this.#control = control;
    this.#controlCapacity = length;
    putPointer(this.#u64, MSGHDR.control, control);
    putSize(this.#u32, MSGHDR.controllen, length);
    return this;
  }

  /**
   * Restore `msg_namelen`, `msg_controllen` and `msg_flags` to the capacities set
   * last, ready for the next recvmsg(2).
   *
   * @returns this
   * @example
   * ```ts
   * m.resetLengths(); recvmsg(fd, m.buffer, 0);
   * ```
   */
  resetLengths(): this {
    this.#u32[MSGHDR.namelen / 4] = this.#nameCapacity;
    putSize(this.#u32, MSGHDR.controllen, this.#controlCapacity);
    this.#u32[MSGHDR.flags / 4] = 0;
    return this;
  }

  /** The `msg_name` buffer set last (or `null`). */
  get name(): Uint8Array | null {
    return this.#name;
  }

  /** The `msg_control` buffer set last (or `null`). */
  get control(): Uint8Array | null {
    return this.#control;
  }

  /** `msg_namelen`: after recvmsg(2), the sender address's length. */
  get nameLength(): number {
    return this.#u32[MSGHDR.namelen / 4] ?? 0;
  }

  /** `msg_controllen`: after recvmsg(2), the bytes of ancillary data received. */
  get controlLength(): number {
    return getSize(this.#u32, MSGHDR.controllen);
  }

  /** `msg_flags`: after recvmsg(2), `MSG_TRUNC`, `MSG_CTRUNC`, `MSG_EOR`, `MSG_OOB`, … */
  get flags(): number {
    return this.#u32[MSGHDR.flags / 4] ?? 0;
  }
}
