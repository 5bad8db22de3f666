/**
 * The per-socket core every socket class holds: the fd, its one reused
 * `FdWatcher`, the queues of operations waiting for readiness, closing, and the
 * GC finalizer. Operations try their system call first and call
 * {@link SocketCore.wait} only after `EAGAIN` (docs/architecture.md, "I/O model").
 */
import { FdWatcher, READABLE, WRITABLE } from '@iolib/iomux';
import { SpeculativeTry } from '@iolib/iomux/internal';
import type { DecodedName, SocketFamily, SocketKind, StreamDefaults } from '../types.js';
import { abortReason, onAbort } from './abort.js';
import { closedError } from './errors.js';
import { sweepLater } from './idle-sweep.js';
import { hold, release } from './keep-alive.js';
import { pollTimeout } from './poll-timeout.js';
import { removeSocketFile, type SocketFile } from './socket-file.js';
import { sysClose } from './sys.js';
import { settleClosed, tellReadable, wake, type StandingReader, type Waiter } from './waiters.js';

/** Closes sockets that were garbage-collected while open, loudly. */
const finalizer = new FinalizationRegistry<SocketCore>((core) => {
  if (!core.isOpen) return;
  const fd = core.fd;
  core.close();
  process.emitWarning(
    `an open ${core.family} ${core.type} socket (fd ${fd}) was garbage-collected; it has been closed. Close sockets explicitly.`,
    { type: 'IolibSocketLeakWarning', code: 'IOLIB_SOCKET_GC' },
  );
});

/** The fd-level state of one socket. Internal: not exported from the package. */
export class SocketCore {
  /** The fd, or -1 once closed: a closed socket never touches its number again. */
  fd: number;
  /** Set by {@link SocketCore.release}: the fd lives on elsewhere, so the waiters it rejected saw no failure of the socket. */
  handedOff = false;
  readonly family: SocketFamily;
  readonly type: SocketKind;
  /** Stream settings inherited by sockets this one accepts. */
  defaults: StreamDefaults = {};
  /** Set while a `connect` waits for completion; reads that see `ENOTCONN` wait for it. */
  connecting: Promise<void> | undefined;
  /** The last datagram sender `receiveFrom` decoded (its raw bytes and value), reused while the peer stays the same. */
  sender: { readonly raw: Buffer; readonly words: Int32Array; len: number; name: DecodedName } | undefined;
  /** Set by passive sockets: a socket file their `bind` creates is removed when they close. */
  removesSocketFile = false;
  /** The socket file this socket's `bind` created, when {@link SocketCore.removesSocketFile}. */
  socketFile: SocketFile | undefined;
  /**
   * Whether a receive should try its system call before waiting for
   * readability: after two first tries in a row said `EAGAIN` (a
   * request/response exchange, where the answer never precedes the question),
   * a try would be a wasted system call, so receives wait first; every 8th
   * receive tries anyway, so a socket that starts to have data queued (a
   * burst) goes back to trying first within 8 receives.
   */
  readonly receiveTry = new SpeculativeTry(2);
  #watcher: FdWatcher | undefined;
  #refed = true;
  /** Keep the process alive even while nothing waits (a listening socket). */
  #keepAlive = false;
  /** This core counts in `keep-alive.ts`' holders. */
  #holding = false;
  /** Promise waiters were woken and nobody has waited since. */
  #idle = false;
  /** Listed for the next idle sweep. */
  #listed = false;
  /** The sweep unref'd the watcher because nobody waits (its interest is kept to save epoll_ctl calls). */
  #released = false;
  readonly #readers: Waiter[] = [];
  readonly #writers: Waiter[] = [];
  readonly #standing: StandingReader[] = [];

  constructor(fd: number, family: SocketFamily, type: SocketKind) {
    this.fd = fd;
    this.family = family;
    this.type = type;
  }

  /** Tie this core's lifetime to `owner`: if `owner` is collected while open, close and warn. */
  track(owner: object): void {
    finalizer.register(owner, this, this);
  }

  get isOpen(): boolean {
    return this.fd >= 0;
  }

  /** The fd, or throws the `EBADF` error for `op` when closed. */
  use(op: string): number {
    if (this.fd < 0) throw closedError(op);
    return this.fd;
  }

  /**
   * Resolves when the fd is readable (`READABLE`) or writable (`WRITABLE`).
   * Rejects with `PollTimeoutError` after `timeout` seconds, with the
   * `EBADF` error if the socket is closed meanwhile, and with the signal's
   * reason when `signal` aborts (at once if it already has).
   */
  wait(direction: number, op: string, timeout?: number, signal?: AbortSignal): Promise<void> {
    if (this.fd < 0) return Promise.reject(closedError(op));
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const queue = direction === READABLE ? this.#readers : this.#writers;
      const waiter: Waiter = { op, resolve, reject, timer: undefined, deferred: true };
      if (timeout !== undefined && Number.isFinite(timeout)) {
        const fd = this.fd;
        waiter.timer = setTimeout(
          () => {
            this.unpark(waiter);
            waiter.reject(pollTimeout(fd, direction === READABLE ? 'input' : 'output', timeout));
          },
          Math.max(0, timeout * 1000),
        );
      }
      if (signal !== undefined) {
        const stop = onAbort(signal, () => {
          if (waiter.timer !== undefined) clearTimeout(waiter.timer);
          this.unpark(waiter);
          reject(abortReason(signal));
        });
        waiter.resolve = () => {
          stop();
          resolve();
        };
        waiter.reject = (error) => {
          stop();
          reject(error);
        };
      }
      queue.push(waiter);
      this.#arm(direction);
    });
  }

  /**
   * Take a parked waiter back (its wait was aborted or timed out): it is
   * neither resumed nor rejected, and a socket nobody waits on stops polling.
   */
  unpark(waiter: Waiter): void {
    for (const queue of [this.#readers, this.#writers]) {
      const i = queue.indexOf(waiter);
      if (i >= 0) queue.splice(i, 1);
    }
    this.#dropIdleInterest();
  }

  /**
   * Like {@link SocketCore.wait} without a promise or timeout: `resolve` runs
   * synchronously from the poll callback (the stream hot path), `reject` when
   * the socket is closed first.
   */
  waitCallback(direction: number, op: string, resolve: () => void, reject: (error: Error) => void): void {
    this.park(direction, { op, resolve, reject, timer: undefined, deferred: false });
  }

  /**
   * Queue `waiter` until the fd is ready for `direction`: its `resolve` runs
   * from the poll callback (it may park itself again), its `reject` runs with
   * the `EBADF` error if the socket is closed first (at once if it is closed).
   */
  park(direction: number, waiter: Waiter): void {
    if (this.fd < 0) {
      waiter.reject(closedError(waiter.op));
      return;
    }
    (direction === READABLE ? this.#readers : this.#writers).push(waiter);
    this.#arm(direction);
  }

  /**
   * Register `reader` for every readability until {@link SocketCore.leave}
   * (idempotent); its `closed` runs at once if the socket is closed.
   */
  stand(reader: StandingReader): void {
    if (this.fd < 0) {
      reader.closed();
      return;
    }
    if (this.#standing.includes(reader)) return;
    this.#standing.push(reader);
    this.#arm(READABLE);
  }

  /** Unregister a standing reader (idempotent); a socket nobody reads stops polling for input. */
  leave(reader: StandingReader): void {
    const i = this.#standing.indexOf(reader);
    if (i < 0) return;
    this.#standing.splice(i, 1);
    this.#dropIdleInterest();
  }

  /** Poll for `direction`, and keep the process alive again if the idle sweep unref'd the watcher. */
  #arm(direction: number): void {
    const interest = this.#interest;
    if ((interest & direction) === 0) this.#setInterest(interest | direction);
    this.#idle = false;
    if (this.#released) {
      this.#released = false;
      if (this.#refed) this.#watcher?.ref();
    }
  }

  /** Called by the idle sweep: nobody waited again since promise waiters were woken, so stop keeping the process alive. */
  releaseIfIdle(): void {
    this.#listed = false;
    if (!this.#idle || this.fd < 0 || this.#released) return;
    this.#released = true;
    this.#watcher?.unref();
  }

  /** The watcher's current interest (the watcher is the truth: a poll error clears it). */
  get #interest(): number {
    return this.#watcher?.events ?? 0;
  }

  /** Keep (default) or stop keeping the process alive while waiting. */
  ref(on: boolean): void {
    this.#refed = on;
    if (this.#watcher !== undefined) {
      if (on && !this.#released) this.#watcher.ref();
      else this.#watcher.unref();
    }
    this.#syncHold();
  }

  /** Whether this socket keeps the process alive (see {@link SocketCore.ref}). */
  get refed(): boolean {
    return this.#refed;
  }

  /** Keep the process alive while open and referenced even when nothing waits (listening sockets). */
  keepAlive(on: boolean): void {
    this.#keepAlive = on;
    this.#syncHold();
  }

  #syncHold(): void {
    const want = this.#keepAlive && this.#refed && this.fd >= 0;
    if (want === this.#holding) return;
    this.#holding = want;
    if (want) hold();
    else release();
  }

  /** Close the fd once: stop the watcher first, remove the socket file a passive socket bound, reject every waiter. Idempotent. */
  close(): void {
    const fd = this.#forget();
    if (fd < 0) return;
    sysClose(fd);
    if (this.socketFile !== undefined) removeSocketFile(this.socketFile);
    this.socketFile = undefined;
    this.#rejectWaiters();
  }

  /**
   * Give the fd up without closing it: its ownership moves elsewhere (to Node,
   * by `toNodeSocket` and its kin). As by {@link SocketCore.close}, the
   * watcher is stopped, every waiter rejected with `EBADF` and the number
   * forgotten; the fd stays open, and so does the socket file of a passive
   * Unix socket (whoever serves it now owns the name too).
   *
   * @param op - the operation, for the error when already closed
   * @returns the fd, now the caller's to close
   * @throws {SocketError} `EBADF` when the socket is closed
   */
  release(op: string): number {
    const fd = this.use(op);
    this.handedOff = true;
    this.socketFile = undefined;
    this.#forget();
    this.#rejectWaiters();
    return fd;
  }

  /** Forget the fd, stopping its watcher first; returns it, or -1 when already forgotten. */
  #forget(): number {
    const fd = this.fd;
    if (fd < 0) return -1;
    this.fd = -1;
    finalizer.unregister(this);
    if (this.#watcher !== undefined) this.#watcher.close();
    this.#watcher = undefined;
    this.#syncHold();
    return fd;
  }

  #rejectWaiters(): void {
    for (const w of this.#readers.splice(0)) settleClosed(w);
    for (const w of this.#writers.splice(0)) settleClosed(w);
    for (const r of this.#standing.splice(0)) r.closed();
  }

  #setInterest(events: number): void {
    if (this.#watcher === undefined) {
      if (events === 0) return;
      this.#watcher = new FdWatcher(this.fd, this.#onReady);
      if (!this.#refed) this.#watcher.unref();
    }
    this.#watcher.set(events);
  }

  readonly #onReady = (events: number, error: Error | undefined): void => {
    // A poll error wakes everyone: their retried system call reports the real errno.
    const ready = error === undefined ? events : READABLE | WRITABLE;
    // The 'message' hot path: only standing readers wanted this event, and
    // nobody leaves a queue, so the interest stays right (a reader that
    // leaves meanwhile has adjusted it).
    if (ready === READABLE && this.#readers.length === 0 && this.#standing.length > 0) {
      this.#tellStanding();
      return;
    }
    let deferred = false;
    if ((ready & READABLE) !== 0) {
      if (this.#standing.length > 0) this.#tellStanding();
      deferred = wake(this.#readers);
    }
    if ((ready & WRITABLE) !== 0) deferred = wake(this.#writers) || deferred;
    if (!deferred) this.#dropIdleInterest();
    else if (this.#readers.length === 0 && this.#writers.length === 0 && !this.#idle) {
      // Promise waiters re-register in microtasks: keep polling (no epoll_ctl) and
      // referenced; the idle sweep unrefs a socket nobody waits on again, and an
      // event nobody waits for drops the interest.
      this.#idle = true;
      if (!this.#listed && this.#refed) {
        this.#listed = true;
        sweepLater(this);
      }
    }
  };

  /** Each standing reader's `readable`, in order; one that leaves meanwhile (or is left by another) is skipped. */
  #tellStanding(): void {
    const standing = this.#standing;
    if (standing.length === 1) {
      tellReadable(standing[0] as StandingReader);
      return;
    }
    for (const r of [...standing]) if (standing.includes(r)) tellReadable(r);
  }

  /** Level-triggered polling for a direction nobody waits on would spin: stop it. */
  readonly #dropIdleInterest = (): void => {
    if (this.fd < 0) return;
    const reading = this.#readers.length > 0 || this.#standing.length > 0;
    const want = (reading ? READABLE : 0) | (this.#writers.length > 0 ? WRITABLE : 0);
    if (want !== this.#interest) this.#setInterest(want);
  };
}
