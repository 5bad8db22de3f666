/**
 * Internal: store pointers and `size_t`s into C struct Buffers through typed-array
 * views, without allocating (used by `msg.ts` and `mmsg.ts`; not exported).
 */
import { koffi } from './libc.js';

/** 2^32, to split a `size_t` into two 32-bit words. */
export const TWO_32 = 0x1_0000_0000;

/** Write a pointer (`koffi.address`) or NULL at a byte offset (8-aligned) of a struct Buffer. */
export function putPointer(u64: BigUint64Array, byteOffset: number, data: Uint8Array | null): void {
  u64[byteOffset / 8] = data === null || data.byteLength === 0 ? 0n : koffi.address(data);
}

/** Write a `size_t` at a byte offset (8-aligned), without allocating a BigInt. */
export function putSize(u32: Uint32Array, byteOffset: number, n: number): void {
  u32[byteOffset / 4] = n >>> 0;
  u32[byteOffset / 4 + 1] = Math.floor(n / TWO_32);
}

/** Read a `size_t` at a byte offset (8-aligned). */
export function getSize(u32: Uint32Array, byteOffset: number): number {
  return (u32[byteOffset / 4] ?? 0) + (u32[byteOffset / 4 + 1] ?? 0) * TWO_32;
}

/** Throw unless `0 <= length <= capacity`. */
export function checkLength(length: number, capacity: number, what: string): void {
  if (!Number.isInteger(length) || length < 0 || length > capacity) {
    throw new RangeError(`${what} length ${String(length)} is outside 0–${capacity} (its buffer's size)`);
  }
}

const OWNER = Symbol('iolib.structOwner');

/**
 * Make a struct Buffer keep its builder alive: whoever holds only `builder.buffer`
 * (even a temporary `new MsgHdr().setBuffer(d).buffer` passed straight to a call)
 * still holds the iovec array and data Buffers its pointers refer to.
 */
export function keepOwner(buffer: Buffer, owner: object): void {
  Object.defineProperty(buffer, OWNER, { value: owner });
}
