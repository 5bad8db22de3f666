/**
 * Internal: hot-path declarations that take memory by address instead of as a
 * Buffer. koffi converts a Buffer argument through N-API on every call (about
 * 250 instructions each); an address is a plain number. For memory a caller
 * owns for good and reuses on every call (a receive room), take its address
 * once with {@link addressOf} and pass the number (a prebuilt `struct msghdr`
 * carries the rest).
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
 * recvmsg(2) with its `struct msghdr` given as an address (see {@link addressOf}):
 * `ssize_t recvmsg(int fd, struct msghdr *msg, int flags)`. Three arguments
 * where recvfrom(2) takes six: koffi converts each one through N-API.
 *
 * @param fd - the socket
 * @param msg - address of a `struct msghdr` (a `MsgHdr`'s `buffer`) whose buffers stay referenced
 * @param flags - `MSG_*`
 * @returns bytes received (the full length with `MSG_TRUNC`), or -1 (errno)
 * @example
 * ```ts
 * const m = new MsgHdr(1).setBuffer(room).setName(Buffer.alloc(SOCKADDR_STORAGE_SIZE));
 * const at = addressOf(m.buffer);
 * m.resetLengths();
 * const n = recvmsgAt(fd, at, MSG_TRUNC);
 * ```
 */
export const recvmsgAt: (fd: number, msg: number, flags: number) => number = libc.func('long recvmsg(int fd, intptr_t msg, int flags)');
