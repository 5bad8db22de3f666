/**
 * The epoll multiplexer of an {@link EventBase}: `epoll_create1(EPOLL_CLOEXEC)`,
 * level-triggered interest per fd, and non-blocking harvests (`epoll_wait`
 * timeout 0). The epoll fd itself is watched by one {@link FdWatcher}, so Node's
 * loop wakes the base whenever any monitored fd is ready.
 */
import {
  E,
  EPOLLERR,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLPRI,
  EPOLL_CLOEXEC,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLL_EVENT_SIZE,
  SyscallError,
  close,
  epollEventEvents,
  epollEventFd,
  epoll_create1,
  epoll_ctl,
  epoll_wait,
  setEpollEvent,
  syscall,
  trySyscall,
} from '@iolib/syscalls';
import { FdWatcher, READABLE, type ReadyCallback } from './watcher.js';

/** Readiness of one fd as the base sees it. */
export const MUX_READ = 1;
export const MUX_WRITE = 2;
export const MUX_ERROR = 4;

const MAX_EVENTS = 1024;
const ENOENT = E.ENOENT ?? 2;

/** Interest bits for a fd with these handlers (IOLib: always EPOLLPRI). */
export function epollInterest(read: boolean, write: boolean): number {
  return (read ? EPOLLIN : 0) | (write ? EPOLLOUT : 0) | EPOLLPRI;
}

/**
 * An epoll set watched from Node's loop. Internal to iolib: used by
 * `EventBase` and by `@iolib/dns`'s UDP engine, not part of the public API.
 */
export class EpollMux {
  readonly fd: number;
  readonly watcher: FdWatcher;
  private readonly one = Buffer.alloc(EPOLL_EVENT_SIZE);
  private readonly events = Buffer.alloc(MAX_EVENTS * EPOLL_EVENT_SIZE);

  /**
   * @param onReady - called from Node's loop while the epoll fd is readable (with the poll error, if libuv reports one)
   * @throws {SyscallError} from `epoll_create1` or `uv_poll_init`
   */
  constructor(onReady: ReadyCallback) {
    this.fd = syscall('epoll_create1', () => epoll_create1(EPOLL_CLOEXEC));
    try {
      this.watcher = new FdWatcher(this.fd, onReady);
    } catch (error) {
      close(this.fd);
      throw error;
    }
  }

  /** Start delivering wakeups (while dispatching). */
  wake(on: boolean): void {
    this.watcher.set(on ? READABLE : 0);
  }

  /**
   * Register or change the interest of `fd` (`EPOLL_CTL_ADD` / `EPOLL_CTL_MOD`;
   * a MOD that finds the fd gone — closed and its number reused — falls back to ADD).
   *
   * @throws {SyscallError} `EBADF` for a closed fd, `EPERM` for a regular file, …
   */
  monitor(fd: number, interest: number, existing: boolean): void {
    setEpollEvent(this.one, 0, interest, fd);
    let rc = trySyscall(() => epoll_ctl(this.fd, existing ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, this.one));
    if (rc === -ENOENT && existing) rc = trySyscall(() => epoll_ctl(this.fd, EPOLL_CTL_ADD, fd, this.one));
    if (rc < 0) throw new SyscallError('epoll_ctl', -rc, { detail: `fd ${fd}` });
  }

  /** Remove `fd` (`EPOLL_CTL_DEL`); an fd already closed (`EBADF`, `ENOENT`) is fine. */
  unmonitor(fd: number): void {
    trySyscall(() => epoll_ctl(this.fd, EPOLL_CTL_DEL, fd, null));
  }

  /**
   * Harvest ready fds without blocking; `visit(fd, MUX_* bits)` for each. IOLib's
   * mapping: IN/PRI/HUP → read, OUT/HUP → write, ERR → error.
   *
   * @returns the number of ready fds
   */
  harvest(visit: (fd: number, ready: number) => void): number {
    let n = epoll_wait(this.fd, this.events, MAX_EVENTS, 0);
    if (n < 0) n = trySyscall(() => epoll_wait(this.fd, this.events, MAX_EVENTS, 0));
    if (n < 0) throw new SyscallError('epoll_wait', -n, { detail: `fd ${this.fd}` });
    for (let i = 0; i < n; i++) {
      const ev = epollEventEvents(this.events, i);
      let ready = 0;
      if ((ev & (EPOLLIN | EPOLLPRI | EPOLLHUP)) !== 0) ready |= MUX_READ;
      if ((ev & (EPOLLOUT | EPOLLHUP)) !== 0) ready |= MUX_WRITE;
      if ((ev & EPOLLERR) !== 0) ready |= MUX_ERROR;
      visit(epollEventFd(this.events, i), ready);
    }
    return n;
  }

  /** Close the watcher, then the epoll fd (in that order). */
  close(): void {
    this.watcher.close();
    close(this.fd);
  }
}
