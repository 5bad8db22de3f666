/**
 * poll(2): wait for readiness on a few fds. `struct pollfd` is 8 bytes
 * (`int fd; short events; short revents;`), built in caller-owned Buffers so a
 * call makes no allocation.
 */
import { libc } from './libc.js';

/** There is data to read. */
export const POLLIN = 0x001;
/** There is urgent data to read. */
export const POLLPRI = 0x002;
/** Writing will not block. */
export const POLLOUT = 0x004;
/** Error condition (output only). */
export const POLLERR = 0x008;
/** Hung up (output only). */
export const POLLHUP = 0x010;
/** Invalid fd (output only). */
export const POLLNVAL = 0x020;
/** Stream socket peer closed its end or shut down writing. */
export const POLLRDHUP = 0x2000;
/** `sizeof(struct pollfd)`. */
export const POLLFD_SIZE = 8;

/**
 * `int poll(struct pollfd *fds, nfds_t nfds, int timeout)`.
 *
 * @param fds - `nfds` pollfd records (see {@link setPollfd}); `revents` is written in place
 * @param nfds - number of records
 * @param timeout - milliseconds; 0 returns at once, -1 waits forever (blocks the thread)
 * @returns the number of records with non-zero `revents`, 0 on timeout, -1 on error (errno)
 * @example
 * ```ts
 * const fds = Buffer.alloc(POLLFD_SIZE); setPollfd(fds, 0, fd, POLLIN);
 * if (trySyscall(() => poll(fds, 1, 0)) === 1) console.log(pollfdRevents(fds, 0));
 * ```
 */
export const poll: (fds: Buffer, nfds: number, timeout: number) => number = libc.func(
  'int poll(void *fds, unsigned long nfds, int timeout)',
);

/**
 * Fill record `index` of a pollfd array: fd, events, and `revents` cleared.
 *
 * @param fds - a Buffer of at least `(index + 1) * POLLFD_SIZE` bytes
 * @param index - record number
 * @param fd - descriptor (negative fds are ignored by the kernel)
 * @param events - requested `POLL*` bits
 * @throws {RangeError} when the record is outside the Buffer
 * @example
 * ```ts
 * setPollfd(fds, 0, fd, POLLIN | POLLOUT);
 * ```
 */
export function setPollfd(fds: Buffer, index: number, fd: number, events: number): void {
  const at = index * POLLFD_SIZE;
  fds.writeInt32LE(fd, at);
  fds.writeInt16LE(events, at + 4);
  fds.writeInt16LE(0, at + 6);
}

/**
 * The `revents` of record `index`, as written by {@link poll}.
 *
 * @param fds - the array passed to `poll`
 * @param index - record number
 * @returns the returned `POLL*` bits
 * @throws {RangeError} when the record is outside the Buffer
 * @example
 * ```ts
 * if (pollfdRevents(fds, 0) & POLLIN) read();
 * ```
 */
export function pollfdRevents(fds: Buffer, index: number): number {
  return fds.readUInt16LE(index * POLLFD_SIZE + 6);
}
