/**
 * {@link FdTable}: the fds of an event base, their handlers and their epoll
 * registrations, kept in step with the kernel and with the heap of handler
 * inactivity timeouts.
 *
 * A registration whose fd was closed never serves another file. Adding a
 * handler on a registered fd first changes the registration (`EPOLL_CTL_MOD`);
 * when the kernel no longer has it (`ENOENT`: the file was closed, and the
 * number may name another file now) the old handlers are dropped and the new
 * handler gets a registration of its own. Each registration carries a tag in
 * its epoll events, so events of a stale one (a closed fd's file that lives on
 * in a `dup`) can be told apart and ignored.
 */
import type { EpollMux } from './epoll-mux.js';
import type { FdEntry, FdHandler } from './fd-handler.js';
import type { TimeHeap } from './heap.js';
import { HANDLER_READINESS, READABLE, WRITABLE } from './readiness.js';
import type { RemoveFdHandlersOptions } from './options.js';

function interestOf(entry: FdEntry): number {
  return (entry.read !== undefined ? READABLE : 0) | (entry.write !== undefined ? WRITABLE : 0);
}

export class FdTable {
  readonly #mux: EpollMux;
  readonly #timeouts: TimeHeap<FdHandler>;
  readonly #entries = new Map<number, FdEntry>();
  /** Tag of the last registration made. */
  #tags = 0;

  /**
   * @param mux - the base's epoll multiplexer
   * @param timeouts - the base's heap of handler inactivity timeouts
   */
  constructor(mux: EpollMux, timeouts: TimeHeap<FdHandler>) {
    this.#mux = mux;
    this.#timeouts = timeouts;
  }

  /** Number of fds with handlers. */
  get size(): number {
    return this.#entries.size;
  }

  /** Number of read and write handlers. */
  get handlerCount(): number {
    let n = 0;
    for (const entry of this.#entries.values()) n += (entry.read !== undefined ? 1 : 0) + (entry.write !== undefined ? 1 : 0);
    return n;
  }

  /** The entry of `fd`, if it has handlers. */
  get(fd: number): FdEntry | undefined {
    return this.#entries.get(fd);
  }

  /**
   * Register `handler` for its fd and direction (`epoll_ctl` MOD, else ADD).
   *
   * @throws {Error} "FD 6 is already monitored for event read" when a live registration has one
   * @throws {SyscallError} from `epoll_ctl` ADD (`EBADF`, `EPERM`)
   */
  add(handler: FdHandler): void {
    const { fd, eventType } = handler;
    const bit = HANDLER_READINESS[eventType];
    let entry = this.#entries.get(fd);
    if (entry !== undefined) {
      const interest = entry.interest | bit;
      if (!this.#mux.modify(fd, interest, entry.tag)) {
        this.#forget(fd, entry);
        entry = undefined;
      } else if (entry[eventType] !== undefined) {
        throw new Error(`FD ${fd} is already monitored for event ${eventType}`);
      } else {
        entry.interest = interest;
      }
    }
    if (entry === undefined) {
      const tag = (this.#tags = (this.#tags + 1) >>> 0);
      this.#mux.add(fd, bit, tag);
      entry = { read: undefined, write: undefined, error: undefined, lastWrite: -Infinity, interest: bit, tag };
      this.#entries.set(fd, entry);
    }
    entry[eventType] = handler;
  }

  /**
   * Remove handlers of `fd` (`epoll_ctl` MOD, or DEL for the last one); a
   * closed fd is fine.
   *
   * @returns true if something was removed
   */
  remove(fd: number, options: RemoveFdHandlersOptions): boolean {
    const entry = this.#entries.get(fd);
    if (entry === undefined) return false;
    const all = options.read !== true && options.write !== true && options.error !== true;
    let removed = false;
    for (const type of ['read', 'write'] as const) {
      const handler = entry[type];
      if (handler !== undefined && (all || options[type] === true)) {
        this.#timeouts.remove(handler);
        entry[type] = undefined;
        removed = true;
      }
    }
    if (entry.error !== undefined && (all || options.error === true)) {
      entry.error = undefined;
      removed = true;
    }
    const interest = interestOf(entry);
    if (interest === 0) {
      this.#entries.delete(fd);
      this.#mux.unmonitor(fd);
    } else if (interest !== entry.interest) {
      entry.interest = interest;
      // false: the fd was closed while registered, nothing left to narrow in the kernel.
      this.#mux.modify(fd, interest, entry.tag);
    }
    return removed;
  }

  /** Forget every fd (the epoll fd is being closed). */
  clear(): void {
    this.#entries.clear();
  }

  /** Drop the entry of a closed fd: the kernel has nothing left of it to change. */
  #forget(fd: number, entry: FdEntry): void {
    if (entry.read !== undefined) this.#timeouts.remove(entry.read);
    if (entry.write !== undefined) this.#timeouts.remove(entry.write);
    this.#entries.delete(fd);
  }
}
