/**
 * {@link FdWatcher}: level-triggered readiness of one fd, on the libuv loop of
 * the current thread (the low-level engine under sockets and the resolver).
 */
import { checkFd } from '@iolib/syscalls/internal';
import { joinSlot, type PollSlot } from './poll-slot.js';
import { READABLE, WRITABLE } from './readiness.js';

/** Called from the event loop with the ready events, or with an error. */
export type ReadyCallback = (events: number, error: Error | undefined) => void;

/**
 * Watch an fd for readability and writability on Node's own event loop
 * (`uv_poll_*` on the loop of the current thread, worker threads included). The
 * JavaScript thread never blocks: `onReady` is called from the loop, and promises
 * resolved in it settle in the same loop turn.
 *
 * Level-triggered: while the fd is ready and the interest set, `onReady` is called
 * on every loop iteration. Readiness may be spurious (another reader took the
 * data): always retry the operation and expect `EAGAIN`. When libuv reports a
 * poll error (`POLLERR`), `onReady(interest, error)` receives a {@link PollError}
 * and the interest is dropped to 0 (libuv stopped polling); `set` resumes.
 *
 * Several watchers may watch one fd (they share one libuv poll). Close the
 * watcher BEFORE closing its fd: libuv aborts the process if it later changes
 * the interest of a poll whose fd was closed. An exception thrown by `onReady`
 * is rethrown with `process.nextTick` (it reaches `uncaughtException`).
 *
 * @example
 * ```ts
 * const w = new FdWatcher(fd, (events, error) => {
 *   if (error) return fail(error);
 *   if (events & READABLE) drain(fd);
 * });
 * w.set(READABLE);
 * // …
 * w.close();
 * ```
 */
export class FdWatcher {
  /** The watched fd. */
  readonly fd: number;
  #onReady: ReadyCallback;
  #slot: PollSlot | undefined;
  #events = 0;
  #ref = true;

  /**
   * Join the fd's libuv poll (calls `uv_poll_init` for the first watcher of an fd).
   * Watches nothing until {@link FdWatcher.set}.
   *
   * @param fd - an open, pollable fd (socket, pipe, eventfd, epoll fd, tty …); libuv makes it non-blocking
   * @param onReady - called with the ready subset of the interest, or with an error
   * @throws {RangeError} if `fd` is not an integer from 0 to 2147483647 (a `TypeError` for a non-number)
   * @throws {TypeError} if `onReady` is not a function
   * @throws {SyscallError} from `uv_poll_init`: `EBADF` (not open), `EPERM` (regular file),
   *   `EEXIST` (Node itself polls this fd, e.g. it belongs to a `net.Socket`)
   */
  constructor(fd: number, onReady: ReadyCallback) {
    checkFd('new FdWatcher', fd);
    if (typeof onReady !== 'function') throw new TypeError(`new FdWatcher: onReady must be a function, got ${typeof onReady}`);
    this.fd = fd;
    this.#onReady = onReady;
    this.#slot = joinSlot(fd, this);
  }

  /** Current interest: `READABLE | WRITABLE` bits, 0 when not polling. */
  get events(): number {
    return this.#events;
  }

  /** True once {@link FdWatcher.close} was called. */
  get closed(): boolean {
    return this.#slot === undefined;
  }

  /**
   * Set the interest (`uv_poll_start`, or `uv_poll_stop` for 0). Setting the
   * current value again costs nothing.
   *
   * @param events - `READABLE`, `WRITABLE`, both, or 0 to stop
   * @throws {RangeError} if `events` is not 0–3
   * @throws {Error} if the watcher is closed
   * @throws {SyscallError} from `uv_poll_start` (the interest is then unchanged)
   * @example
   * ```ts
   * w.set(READABLE | WRITABLE);
   * ```
   */
  set(events: number): void {
    if (events === this.#events) return;
    const slot = this.#slot;
    if (slot === undefined) throw new Error(`FdWatcher for fd ${this.fd} is closed`);
    if ((events & ~(READABLE | WRITABLE)) !== 0 || !Number.isInteger(events)) {
      throw new RangeError(`events must be a combination of READABLE (1) and WRITABLE (2), got ${String(events)}`);
    }
    const previous = this.#events;
    this.#events = events;
    try {
      slot.update();
    } catch (error) {
      this.#events = previous;
      throw error;
    }
  }

  /**
   * Stop watching at once; the fd may be closed right after. Idempotent. The last
   * watcher of an fd tears the libuv handle down (`uv_poll_stop` → `uv_close` → free).
   *
   * @example
   * ```ts
   * w.close(); closeFd(fd);
   * ```
   */
  close(): void {
    const slot = this.#slot;
    if (slot === undefined) return;
    this.#slot = undefined;
    this.#events = 0;
    slot.leave(this);
  }

  /**
   * Let this watcher keep the process alive while interested (the default).
   *
   * @returns this watcher
   * @example
   * ```ts
   * w.unref().ref();
   * ```
   */
  ref(): this {
    this.#ref = true;
    this.#slot?.update();
    return this;
  }

  /**
   * Do not keep the process (or worker) alive for this watcher, like Node's
   * `timeout.unref()`: the loop may end while it is still interested.
   *
   * @returns this watcher
   * @example
   * ```ts
   * new FdWatcher(wakeupFd, onWake).unref().set(READABLE);
   * ```
   */
  unref(): this {
    this.#ref = false;
    this.#slot?.update();
    return this;
  }

  /**
   * Whether this watcher keeps the process alive while interested.
   *
   * @returns the ref state
   * @example
   * ```ts
   * if (w.hasRef()) w.unref();
   * ```
   */
  hasRef(): boolean {
    return this.#ref;
  }

  /** Same as {@link FdWatcher.close}, for `using`. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** @internal called by the fd's poll slot */
  deliver(events: number, error: Error | undefined): void {
    this.#onReady(events, error);
  }

  /** @internal called by the fd's poll slot after libuv stopped the poll */
  dropInterest(): void {
    this.#events = 0;
  }
}
