/**
 * File-descriptor calls of libc (section 2): `close`, `dup`, `dup3`, `fcntl`,
 * `pipe2`, `read`, `write`. Raw C results: `-1` on failure, errno holds the
 * cause; wrap in {@link trySyscall} or {@link syscall}.
 *
 * @example
 * ```ts
 * const p = new Int32Array(2);
 * syscall('pipe2', () => pipe2(p, O_CLOEXEC | O_NONBLOCK));
 * ```
 */
import { libc } from './libc.js';
import type { Pointer } from './socket.js';

/**
 * close(2): `int close(int fd)`. Never retry a failed close (the fd is gone even on `EINTR`),
 * and never touch the number again: the kernel reuses it at once.
 *
 * @param fd - the fd to release
 * @returns 0, or -1 (errno: `EBADF`, `EIO`)
 * @example
 * ```ts
 * if (close(fd) === -1) throw new SyscallError('close', errno());
 * ```
 */
export const close: (fd: number) => number = libc.func('int close(int fd)');

/**
 * dup(2): `int dup(int oldfd)`; the copy does NOT have close-on-exec (prefer
 * `fcntl(fd, F_DUPFD_CLOEXEC, 0)`).
 *
 * @param oldfd - the fd to duplicate
 * @returns the lowest free fd, now sharing `oldfd`'s open file, or -1 (errno: `EBADF`, `EMFILE`)
 * @example
 * ```ts
 * const copy = syscall('dup', () => dup(fd));
 * ```
 */
export const dup: (oldfd: number) => number = libc.func('int dup(int oldfd)');

/**
 * dup3(2): `int dup3(int oldfd, int newfd, int flags)`.
 *
 * @param oldfd - the fd to duplicate
 * @param newfd - the number to (re)use; closed first if open
 * @param flags - 0 or `O_CLOEXEC`
 * @returns `newfd`, or -1 (errno: `EBADF`, `EINVAL` when `oldfd === newfd`)
 * @example
 * ```ts
 * syscall('dup3', () => dup3(fd, 10, O_CLOEXEC));
 * ```
 */
export const dup3: (oldfd: number, newfd: number, flags: number) => number = libc.func('int dup3(int oldfd, int newfd, int flags)');

/**
 * fcntl(2): `int fcntl(int fd, int cmd, int arg)`, the integer-argument
 * commands (`F_GETFL`, `F_SETFL`, `F_GETFD`, `F_SETFD`, `F_DUPFD`,
 * `F_DUPFD_CLOEXEC`). Declared with a fixed third `int`: on the Linux x86_64 and
 * aarch64 ABIs an integer variadic argument travels exactly like a fixed one.
 *
 * @param fd - the fd
 * @param cmd - an `F_*` command
 * @param arg - the command's argument (0 for the `F_GET*` commands)
 * @returns the command's result (flags, new fd, 0), or -1 (errno: `EBADF`, `EINVAL`)
 * @example
 * ```ts
 * const fl = syscall('fcntl', () => fcntl(fd, F_GETFL, 0));
 * syscall('fcntl', () => fcntl(fd, F_SETFL, fl | O_NONBLOCK));
 * ```
 */
export const fcntl: (fd: number, cmd: number, arg: number) => number = libc.func('int fcntl(int fd, int cmd, int arg)');

/**
 * pipe2(2): `int pipe2(int pipefd[2], int flags)`.
 *
 * @param pipefd - receives `[readEnd, writeEnd]`
 * @param flags - `O_CLOEXEC | O_NONBLOCK` (or 0)
 * @returns 0, or -1 (errno: `EMFILE`, `EINVAL`)
 * @example
 * ```ts
 * const p = new Int32Array(2);
 * syscall('pipe2', () => pipe2(p, O_CLOEXEC));
 * ```
 */
export const pipe2: (pipefd: Int32Array, flags: number) => number = libc.func('int pipe2(void *pipefd, int flags)');

/**
 * read(2): `ssize_t read(int fd, void *buf, size_t count)`.
 *
 * @param fd - the fd
 * @param buf - receives the bytes
 * @param count - its capacity
 * @returns bytes read (0 = end of file), or -1 (errno: `EAGAIN`, `EBADF`, …)
 * @example
 * ```ts
 * const n = trySyscall(() => read(fd, buf, buf.length));
 * ```
 */
export const read: (fd: number, buf: Pointer, count: number) => number = libc.func('long read(int fd, void *buf, size_t count)');

/**
 * write(2): `ssize_t write(int fd, const void *buf, size_t count)`. On a socket
 * prefer `send(…, MSG_NOSIGNAL)`: `write` raises SIGPIPE on a broken stream.
 *
 * @param fd - the fd
 * @param buf - the bytes
 * @param count - how many
 * @returns bytes written, or -1 (errno: `EAGAIN`, `EPIPE`, `EBADF`, …)
 * @example
 * ```ts
 * syscall('write', () => write(p[1], data, data.length));
 * ```
 */
export const write: (fd: number, buf: Pointer, count: number) => number = libc.func('long write(int fd, const void *buf, size_t count)');
