/**
 * The receive loop under `'message'` events and the async iterator of
 * datagram sockets: parked on the socket as a synchronous waiter, it takes
 * datagrams from the poll callback and hands each to a sink at once.
 *
 * Adaptive batching: while idle (a request/response exchange) it takes one
 * datagram per readiness with no extra system call; every 16th datagram it
 * probes for a backlog with a full batch, and under load it takes up to 64
 * per `recvmmsg(2)` until batches come back nearly empty again.
 */
import { READABLE } from '@iolib/iomux';
import { rethrowLater } from '@iolib/syscalls/internal';
import { senderOf, type MessageSender } from '../core/sender.js';
import type { SocketCore, Waiter } from '../core/socket-core.js';
import { MAX_BATCH, sharedBatch, type ReceiveBatch } from './batch.js';

/** Receives one datagram and who sent it. */
export type MessageSink = (data: Buffer, from: MessageSender) => void;

/** Datagrams between backlog probes while idle (a power of two). */
const PROBE_EVERY = 16;

/**
 * Receive datagrams of one socket for a sink while started.
 *
 * @example
 * ```ts
 * const reader = new MessageReader(core, (data, from) => emitter.emit('message', data, from), (e) => emitter.emit('error', e));
 * reader.start();
 * ```
 */
export class MessageReader implements Waiter {
  readonly op = 'message';
  readonly deferred = false;
  timer: NodeJS.Timeout | undefined = undefined;
  readonly #core: SocketCore;
  readonly #sink: MessageSink;
  readonly #onError: (error: Error) => void;
  readonly #onClose: (() => void) | undefined;
  #active = false;
  #parked = false;
  #batching = false;
  /** Nearly empty batches in a row (back to one at a time after 2). */
  #thin = 0;
  #singles = 0;
  readonly #data: Buffer[] = [];
  readonly #from: MessageSender[] = [];

  /**
   * @param core - a datagram or seqpacket socket's core
   * @param sink - gets each datagram (a Buffer of its own) and its sender
   * @param onError - gets receive errors (receiving goes on)
   * @param onClose - called when the socket is closed while the reader waits
   */
  constructor(core: SocketCore, sink: MessageSink, onError: (error: Error) => void, onClose?: () => void) {
    this.#core = core;
    this.#sink = sink;
    this.#onError = onError;
    this.#onClose = onClose;
  }

  /** Whether the reader is receiving. */
  get active(): boolean {
    return this.#active;
  }

  /** Start receiving (waits for readability first; idempotent). */
  start(): void {
    this.#active = true;
    this.#park();
  }

  /** Stop receiving: nothing more reaches the sink (idempotent). */
  stop(): void {
    this.#active = false;
    if (this.#parked) {
      this.#parked = false;
      this.#core.unpark(this);
    }
  }

  #park(): void {
    if (this.#parked || !this.#active || !this.#core.isOpen) return;
    this.#parked = true;
    this.#core.park(READABLE, this);
  }

  /** Readable (from the poll callback): take what is there, then wait again. */
  resolve(): void {
    this.#parked = false;
    if (!this.#active) return;
    try {
      this.#take(sharedBatch());
    } catch (e) {
      if (!this.#core.isOpen) {
        this.#active = false;
        return;
      }
      this.#park();
      this.#onError(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.#park();
  }

  /** Closed while waiting: stop quietly (the socket reports its own close). */
  reject(): void {
    this.#parked = false;
    this.#active = false;
    this.#onClose?.();
  }

  #take(batch: ReceiveBatch): void {
    const core = this.#core;
    if (!this.#batching) {
      if (this.#deliver(batch, batch.receive(core, 1, 'message')) === 0) return;
      if ((++this.#singles & (PROBE_EVERY - 1)) !== 0 || !this.#active) return;
      // A probe: is a backlog waiting? Then take it in batches from now on.
      const n = this.#deliver(batch, batch.receive(core, MAX_BATCH, 'message'));
      if (n > 1) {
        this.#batching = true;
        this.#thin = 0;
      }
      return;
    }
    // Only the first batch of a readiness says how busy the socket is: the
    // call that finds the queue empty after full batches is no sign of idleness.
    let first = true;
    for (;;) {
      const n = this.#deliver(batch, batch.receive(core, MAX_BATCH, 'message'));
      if (n === MAX_BATCH && this.#active) {
        first = false;
        continue;
      }
      if (!first) this.#thin = 0;
      else if (n > 1) this.#thin = 0;
      else if (++this.#thin >= 2) this.#batching = false;
      return;
    }
  }

  /**
   * Hand `n` received datagrams to the sink (fewer if stopped meanwhile);
   * returns `n` (0 for none). All are copied out of the shared batch first: a
   * sink may receive on another socket. A sink's exception is rethrown later
   * (it reaches `uncaughtException`, as a throwing `'message'` listener of
   * `node:dgram` does) and the other datagrams are still delivered.
   */
  #deliver(batch: ReceiveBatch, n: number | undefined): number {
    if (n === undefined) return 0;
    const core = this.#core;
    const data = this.#data;
    const from = this.#from;
    for (let i = 0; i < n; i++) {
      data[i] = batch.copy(i);
      from[i] = senderOf(batch.sender(core, i));
    }
    for (let i = 0; i < n && this.#active; i++) {
      try {
        this.#sink(data[i] as Buffer, from[i] as MessageSender);
      } catch (error) {
        rethrowLater(error);
      }
    }
    data.length = 0;
    from.length = 0;
    return n;
  }
}
