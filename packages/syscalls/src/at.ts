/**
 * Internal: hot-path declarations that take memory by address instead of as a
 * Buffer. koffi converts a Buffer argument through N-API on every call (about
 * 250 instructions each); an address is a plain number. For memory a caller
 * owns for good and reuses on every call (a receive room), take its address
 * once with {@link addressOf} and pass the number.
 *
 * The memory must stay referenced while the address is in use: an
 * `ArrayBuffer`'s contents never move, but they are freed with it.
 */
import { koffi, libc } from './libc.js';

/**
 * The address of a view's first byte, for the `…At` declarations. The view's
 * memory moves off the JavaScript heap first if it was on it (a small typed
 * array), so the address stays valid while its `ArrayBuffer` lives.
 *
 * @param view - a Buffer or typed array whose `ArrayBuffer` the caller keeps
 * @returns the address, as a number (user-space addresses fit in 53 bits)
 * @throws {TypeError} if `view` is not a Buffer, typed array or DataView
 * @example
 * ```ts
 * const room = Buffer.alloc(65536);
 * const roomAt = addressOf(room);
 * ```
 */
export function addressOf(view: ArrayBufferView): number {
  if (!ArrayBuffer.isView(view)) throw new TypeError(`addressOf: view must be a Buffer, typed array or DataView, got ${typeof view}`);
  return Number(koffi.address(view));
}

/**
 * recvfrom(2) with its three pointers given as addresses (see {@link addressOf}):
 * `ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *src, socklen_t *addrlen)`.
 *
 * @param fd - the socket
 * @param buf - address of the room for the data
 * @param len - its capacity
 * @param flags - `MSG_*`
 * @param src - address of the room for the sender's address (0 for none)
 * @param addrlen - address of a `socklen_t`: in, the size of `src`; out, the address's length (0 with `src` 0)
 * @returns bytes received (the full length with `MSG_TRUNC`), or -1 (errno)
 * @example
 * ```ts
 * LENGTH[0] = SOCKADDR_STORAGE_SIZE;
 * const n = recvfromAt(fd, roomAt, room.length, MSG_TRUNC, fromAt, lengthAt);
 * ```
 */
export const recvfromAt: (fd: number, buf: number, len: number, flags: number, src: number, addrlen: number) => number = libc.func(
  'long recvfrom(int fd, intptr_t buf, size_t len, int flags, intptr_t src, intptr_t addrlen)',
);
