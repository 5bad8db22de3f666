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
  epollEventTag,
  epoll_create1,
  epoll_ctl,
  epoll_wait,
  setEpollEvent,
  syscall,
  trySyscall,
} from '@iolib/syscalls';
import { ERROR_PENDING, READABLE, WRITABLE } from './readiness.js';
import { FdWatcher, type ReadyCallback } from './watcher.js';

const MAX_EVENTS = 1024;
const ENOENT = E.ENOENT ?? 2;
const EBADF = E.EBADF ?? 9;

/** The epoll interest for readiness bits (IOLib: always EPOLLPRI). */
function epollInterest(interest: number): number {
  return ((interest & READABLE) !== 0 ? EPOLLIN : 0) | ((interest & WRITABLE) !== 0 ? EPOLLOUT : 0) | EPOLLPRI;
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
   * Register `fd` (`EPOLL_CTL_ADD`) for `interest` (`READABLE | WRITABLE` bits); its events carry `tag`.
   *
   * @throws {SyscallError} `EBADF` for a closed fd, `EPERM` for a regular file, `EEXIST`, …
   */
  add(fd: number, interest: number, tag: number): void {
    setEpollEvent(this.one, 0, epollInterest(interest), fd, tag);
    const rc = trySyscall(() => epoll_ctl(this.fd, EPOLL_CTL_ADD, fd, this.one));
    if (rc < 0) throw new SyscallError('epoll_ctl', -rc, { detail: `fd ${fd}` });
  }

  /**
   * Change the interest of a registered `fd` (`EPOLL_CTL_MOD`).
   *
   * @returns false when the kernel holds no registration for the file now at
   *   `fd` (`ENOENT`, `EBADF`): the registered file was closed, and the number may
   *   name another file by now
   * @throws {SyscallError} for any other failure
   */
  modify(fd: number, interest: number, tag: number): boolean {
    setEpollEvent(this.one, 0, epollInterest(interest), fd, tag);
    const rc = trySyscall(() => epoll_ctl(this.fd, EPOLL_CTL_MOD, fd, this.one));
    if (rc === -ENOENT || rc === -EBADF) return false;
    if (rc < 0) throw new SyscallError('epoll_ctl', -rc, { detail: `fd ${fd}` });
    return true;
  }

  /** Remove `fd` (`EPOLL_CTL_DEL`); an fd already closed (`EBADF`, `ENOENT`) is fine. */
  unmonitor(fd: number): void {
    trySyscall(() => epoll_ctl(this.fd, EPOLL_CTL_DEL, fd, null));
  }

  /**
   * Harvest ready fds without blocking; `visit(fd, tag, readiness bits)` for each. IOLib's
   * mapping: IN/PRI/HUP → `READABLE`, OUT/HUP → `WRITABLE`, ERR → `ERROR_PENDING`.
   *
   * @returns the number of ready fds
   */
  harvest(visit: (fd: number, tag: number, ready: number) => void): number {
    let n = epoll_wait(this.fd, this.events, MAX_EVENTS, 0);
    if (n < 0) n = trySyscall(() => epoll_wait(this.fd, this.events, MAX_EVENTS, 0));
    if (n < 0) throw new SyscallError('epoll_wait', -n, { detail: `fd ${this.fd}` });
    for (let i = 0; i < n; i++) {
      const ev = epollEventEvents(this.events, i);
      let ready = 0;
      if ((ev & (EPOLLIN | EPOLLPRI | EPOLLHUP)) !== 0) ready |= READABLE;
      if ((ev & (EPOLLOUT | EPOLLHUP)) !== 0) ready |= WRITABLE;
      if ((ev & EPOLLERR) !== 0) ready |= ERROR_PENDING;
      visit(epollEventFd(this.events, i), epollEventTag(this.events, i), ready);
    }
    return n;
  }

  /** Close the watcher, then the epoll fd (in that order). */
  close(): void {
    this.watcher.close();
    close(this.fd);
  }
}
