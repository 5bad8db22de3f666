/**
 * The `'message'` events of datagram and seqpacket sockets, and the async
 * iteration of datagram sockets: {@link MessageSocketBase}, the base class both
 * kinds extend (an `EventEmitter` with `'message'`, `'error'`, `'close'`, and
 * `'end'` on seqpacket sockets), and {@link iterateMessages}.
 */
import { EventEmitter } from 'node:events';
import { CORE } from '../core/handle.js';
import type { MessageSender } from '../core/sender.js';
import type { SocketCore } from '../core/socket-core.js';
import { MessageReader } from '../ops/message-reader.js';
import type { ReceiveResult, StreamDefaults } from '../types.js';
import { ActiveMethods, SocketEmitter, SocketMethods } from './methods.js';

/** Messages queued for a slow iterator before receiving pauses. */
const ITERATOR_HIGH_WATER = 1024;

/**
 * Base of the datagram and active seqpacket classes: an `EventEmitter` that
 * receives for its `'message'` listeners, starting with the first (however
 * added) and stopping when the last is removed. Receive errors go to
 * `'error'` and receiving goes on; `'close'` follows `close()` on the next
 * tick, once. A seqpacket socket emits `'end'` when its peer shuts down or
 * closes: reading stops for good, the socket stays open (for records still
 * to send) until closed. Not exported from the package.
 */
export class MessageSocketBase extends ActiveMethods(SocketMethods(SocketEmitter)) {
  /** Internal: sockets are made by `makeSocket`, `makeSocketPair`, `acceptConnection` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
    // One listener (the usual case) is called directly, as `emit` would call
    // it, without `emit`'s argument array. Not when this emitter captures
    // rejections (`EventEmitter.captureRejections`): `emit` handles those.
    const direct = !EventEmitter.captureRejections;
    /** The one listener to call directly; `null`: look again; `undefined`: use `emit`. */
    let single: ((data: Buffer, from: MessageSender) => unknown) | null | undefined = null;
    const reader = new MessageReader(core, {
      message: (data, from) => {
        if (single === null) {
          const all = this.rawListeners('message');
          single = direct && all.length === 1 ? (all[0] as (data: Buffer, from: MessageSender) => unknown) : undefined;
        }
        if (single === undefined) this.emit('message', data, from);
        else single.call(this, data, from);
      },
      error: (error) => this.emit('error', error),
      closed: () => undefined,
      end: () => this.emit('end'),
    });
    this.#onNew = (name: string | symbol) => {
      if (name !== 'message') return;
      single = null;
      if (!reader.active) reader.start();
    };
    this.#onRemove = (name: string | symbol) => {
      if (name !== 'message') return;
      single = null;
      if (this.listenerCount('message') === 0) reader.stop();
    };
    this.#hook();
  }

  /** Starts receiving with the first `'message'` listener (however added). */
  readonly #onNew: (name: string | symbol) => void;
  /** Stops receiving with the last one (however removed). */
  readonly #onRemove: (name: string | symbol) => void;

  /** Listen for listeners coming and going, unless already listening. */
  #hook(): void {
    if (!this.listeners('newListener').includes(this.#onNew)) this.on('newListener', this.#onNew);
    if (!this.listeners('removeListener').includes(this.#onRemove)) this.on('removeListener', this.#onRemove);
  }

  /**
   * `EventEmitter#removeAllListeners`, after which `'message'` listeners
   * added later still start receiving: the socket's own watch on listeners
   * coming and going is set up again when this removed it.
   *
   * @param event - the event whose listeners to remove; all events when omitted
   * @returns this socket
   * @example
   * ```ts
   * s.removeAllListeners(); // receiving stops
   * s.on('message', onMessage); // and starts again
   * ```
   */
  override removeAllListeners(event?: string | symbol): this {
    // `EventEmitter` tells "no argument" from `undefined` by the argument count.
    if (event === undefined) super.removeAllListeners();
    else super.removeAllListeners(event);
    this.#hook();
    return this;
  }

  /** Close the socket (idempotent); `'close'` follows on the next tick. */
  override close(): void {
    const core = this[CORE];
    if (!core.isOpen) return;
    core.close();
    process.nextTick(() => this.emit('close'));
  }
}

/**
 * Received datagrams, each in a Buffer of its own length, until the socket
 * is closed; batched under load like the events. Receive errors end the
 * iteration by throwing.
 *
 * @param core - the socket's core
 * @returns the async iterator
 * @example
 * ```ts
 * [Symbol.asyncIterator]() { return iterateMessages(this[CORE]); }
 * ```
 */
export async function* iterateMessages(core: SocketCore): AsyncGenerator<ReceiveResult, void, undefined> {
  const queue: ReceiveResult[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const reader = new MessageReader(core, {
    message: (data, from) => {
      queue.push({ buffer: data, bytes: data.length, ...from });
      if (queue.length >= ITERATOR_HIGH_WATER) reader.stop();
      wake?.();
    },
    error: (error) => {
      failure = error;
      reader.stop();
      wake?.();
    },
    closed: () => wake?.(),
    // Datagram sockets have no end.
    end: () => wake?.(),
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (!core.isOpen) return;
      reader.start();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    reader.stop();
  }
}
