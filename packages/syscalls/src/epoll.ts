/**
 * epoll(7): `epoll_create1`, `epoll_ctl`, `epoll_wait`, and the layout of
 * `struct epoll_event { uint32_t events; epoll_data_t data; }`, which is packed
 * (12 bytes, data at offset 4) on x86_64 only and 16 bytes (data at 8) elsewhere.
 * iolib keeps an fd in the low 32 bits of `data` and a registration tag in the
 * high 32 bits (so an event of a stale registration can be told apart).
 */
import { IS_X86_64, libc } from './libc.js';

/** Readable. */
export const EPOLLIN = 0x001;
/** Urgent data / exceptional condition. */
export const EPOLLPRI = 0x002;
/** Writable. */
export const EPOLLOUT = 0x004;
/** Error condition (always reported). */
export const EPOLLERR = 0x008;
/** Hang-up (always reported). */
export const EPOLLHUP = 0x010;
/** Stream peer closed or shut down writing. */
export const EPOLLRDHUP = 0x2000;
/** Wake one of several epoll fds waiting on the same fd. */
export const EPOLLEXCLUSIVE = 1 << 28;
/** Keep the system awake while the event is pending. */
export const EPOLLWAKEUP = 1 << 29;
/** Disable the fd after one event until re-armed with `EPOLL_CTL_MOD`. */
export const EPOLLONESHOT = 1 << 30;
/** Edge-triggered (bit 31; as a JS number it is `0x80000000`, written unsigned). */
export const EPOLLET = 0x80000000;
/** `epoll_create1` flag: close the epoll fd on exec. */
export const EPOLL_CLOEXEC = 0o2000000;
/** `epoll_ctl` op: register an fd. */
export const EPOLL_CTL_ADD = 1;
/** `epoll_ctl` op: deregister an fd. */
export const EPOLL_CTL_DEL = 2;
/** `epoll_ctl` op: change an fd's interest. */
export const EPOLL_CTL_MOD = 3;
/** `sizeof(struct epoll_event)` on this architecture. */
export const EPOLL_EVENT_SIZE: number = IS_X86_64 ? 12 : 16;
const DATA_OFFSET = IS_X86_64 ? 4 : 8;

/**
 * `int epoll_create1(int flags)`.
 *
 * @param flags - 0 or {@link EPOLL_CLOEXEC}
 * @returns the new epoll fd, or -1 (errno)
 * @example
 * ```ts
 * const epfd = syscall('epoll_create1', () => epoll_create1(EPOLL_CLOEXEC));
 * ```
 */
export const epoll_create1: (flags: number) => number = libc.func('int epoll_create1(int flags)');

/**
 * `int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)`.
 *
 * @param epfd - the epoll fd
 * @param op - `EPOLL_CTL_ADD`, `EPOLL_CTL_MOD` or `EPOLL_CTL_DEL`
 * @param fd - the watched fd
 * @param event - one record (see {@link setEpollEvent}); `null` allowed for `EPOLL_CTL_DEL`
 * @returns 0, or -1 (errno: `EBADF`, `EEXIST`, `ENOENT`, `EPERM` for regular files, …)
 * @example
 * ```ts
 * const ev = Buffer.alloc(EPOLL_EVENT_SIZE); setEpollEvent(ev, 0, EPOLLIN, fd);
 * syscall('epoll_ctl', () => epoll_ctl(epfd, EPOLL_CTL_ADD, fd, ev));
 * ```
 */
export const epoll_ctl: (epfd: number, op: number, fd: number, event: Buffer | null) => number = libc.func(
  'int epoll_ctl(int epfd, int op, int fd, void *event)',
);

/**
 * `int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)`.
 *
 * @param epfd - the epoll fd
 * @param events - room for `maxevents` records, written in place
 * @param maxevents - capacity in records (> 0)
 * @param timeout - milliseconds; 0 returns at once, -1 waits forever (blocks the thread)
 * @returns the number of ready records, or -1 (errno)
 * @example
 * ```ts
 * const n = trySyscall(() => epoll_wait(epfd, buf, 64, 0));
 * for (let i = 0; i < n; i++) console.log(epollEventFd(buf, i), epollEventEvents(buf, i));
 * ```
 */
export const epoll_wait: (epfd: number, events: Buffer, maxevents: number, timeout: number) => number = libc.func(
  'int epoll_wait(int epfd, void *events, int maxevents, int timeout)',
);

/**
 * Write record `index` of an epoll_event array: `events`, and `fd` in `data`
 * (low 32 bits) with `tag` in the high 32 bits.
 *
 * @param buf - a Buffer of at least `(index + 1) * EPOLL_EVENT_SIZE` bytes
 * @param index - record number
 * @param events - `EPOLL*` bits (unsigned; `EPOLLET` allowed)
 * @param fd - value stored in `data.fd`
 * @param tag - unsigned 32-bit value stored beside it (default 0), read back with {@link epollEventTag}
 * @throws {RangeError} when the record is outside the Buffer, or `tag` is not a uint32
 * @example
 * ```ts
 * setEpollEvent(ev, 0, EPOLLIN | EPOLLOUT, fd);
 * ```
 */
export function setEpollEvent(buf: Buffer, index: number, events: number, fd: number, tag = 0): void {
  const at = index * EPOLL_EVENT_SIZE;
  buf.writeUInt32LE(events >>> 0, at);
  buf.writeInt32LE(fd, at + DATA_OFFSET);
  buf.writeUInt32LE(tag, at + DATA_OFFSET + 4);
}

/**
 * The `events` field of record `index`.
 *
 * @param buf - the array given to `epoll_wait`
 * @param index - record number
 * @returns the `EPOLL*` bits (unsigned)
 * @example
 * ```ts
 * if (epollEventEvents(buf, i) & EPOLLIN) onReadable(epollEventFd(buf, i));
 * ```
 */
export function epollEventEvents(buf: Buffer, index: number): number {
  return buf.readUInt32LE(index * EPOLL_EVENT_SIZE);
}

/**
 * `data.fd` of record `index` (the low 32 bits of `data`).
 *
 * @param buf - the array given to `epoll_wait`
 * @param index - record number
 * @returns the fd stored with {@link setEpollEvent}
 * @example
 * ```ts
 * const fd = epollEventFd(buf, 0);
 * ```
 */
export function epollEventFd(buf: Buffer, index: number): number {
  return buf.readInt32LE(index * EPOLL_EVENT_SIZE + DATA_OFFSET);
}

/**
 * The high 32 bits of `data` of record `index` (the tag given to {@link setEpollEvent}).
 *
 * @param buf - the array given to `epoll_wait`
 * @param index - record number
 * @returns the unsigned tag
 * @example
 * ```ts
 * if (epollEventTag(buf, i) !== registration.tag) continue; // a stale registration
 * ```
 */
export function epollEventTag(buf: Buffer, index: number): number {
  return buf.readUInt32LE(index * EPOLL_EVENT_SIZE + DATA_OFFSET + 4);
}
