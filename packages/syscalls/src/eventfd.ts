/**
 * eventfd(2): a kernel counter behind an fd. Handy as a wakeup source and as a
 * readiness fixture in tests (readable while the counter is non-zero).
 */
import { libc } from './libc.js';

/** `eventfd` flag: semaphore semantics (each read takes 1). */
export const EFD_SEMAPHORE = 1;
/** `eventfd` flag: close on exec. */
export const EFD_CLOEXEC = 0o2000000;
/** `eventfd` flag: non-blocking reads and writes. */
export const EFD_NONBLOCK = 0o4000;

/**
 * `int eventfd(unsigned int initval, int flags)`.
 *
 * @param initval - initial counter value
 * @param flags - `EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE`
 * @returns the new fd, or -1 (errno)
 * @example
 * ```ts
 * const fd = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
 * ```
 */
export const eventfd: (initval: number, flags: number) => number = libc.func('int eventfd(unsigned int initval, int flags)');

/**
 * glibc's `int eventfd_read(int fd, eventfd_t *value)`: read (and reset, or
 * decrement with `EFD_SEMAPHORE`) the counter.
 *
 * @param fd - an eventfd
 * @param value - receives the counter in `value[0]`
 * @returns 0, or -1 (errno; `EAGAIN` when zero and non-blocking)
 * @example
 * ```ts
 * const v = new BigUint64Array(1);
 * if (trySyscall(() => eventfd_read(fd, v)) === 0) console.log(v[0]);
 * ```
 */
export const eventfd_read: (fd: number, value: BigUint64Array) => number = libc.func('int eventfd_read(int fd, _Out_ uint64_t *value)');

/**
 * glibc's `int eventfd_write(int fd, eventfd_t value)`: add to the counter.
 *
 * @param fd - an eventfd
 * @param value - amount to add (`bigint` or a safe integer)
 * @returns 0, or -1 (errno; `EAGAIN` on overflow when non-blocking)
 * @example
 * ```ts
 * syscall('eventfd_write', () => eventfd_write(fd, 1));
 * ```
 */
export const eventfd_write: (fd: number, value: number | bigint) => number = libc.func('int eventfd_write(int fd, uint64_t value)');
