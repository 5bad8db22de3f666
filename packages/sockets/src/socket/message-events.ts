/**
 * The `'message'` events and async iteration of datagram sockets (and of any
 * record-oriented socket class that is an `EventEmitter`): the shared piece a
 * socket class wires up in its constructor and uses in `close` and
 * `[Symbol.asyncIterator]`.
 */
import type { EventEmitter } from 'node:events';
import type { SocketCore } from '../core/socket-core.js';
import { MessageReader } from '../ops/message-reader.js';
import type { ReceiveResult } from '../types.js';

/** What the wiring needs of the socket object. */
type Emitter = Pick<EventEmitter, 'on' | 'emit' | 'listenerCount'>;

/** Datagrams queued for a slow iterator before receiving pauses. */
const ITERATOR_HIGH_WATER = 1024;

/**
 * Receive for `'message'` listeners: start with the first listener (however
 * added), stop when the last is removed; receive errors go to `'error'`.
 *
 * @param emitter - the socket object
 * @param core - its core
 * @example
 * ```ts
 * constructor(core: SocketCore) { super(); wireMessageEvents(this, core); }
 * ```
 */
export function wireMessageEvents(emitter: Emitter, core: SocketCore): void {
  const reader = new MessageReader(
    core,
    (data, from) => emitter.emit('message', data, from),
    (error) => emitter.emit('error', error),
  );
  emitter.on('newListener', (name: string | symbol) => {
    if (name === 'message' && !reader.active) reader.start();
  });
  emitter.on('removeListener', (name: string | symbol) => {
    if (name === 'message' && emitter.listenerCount('message') === 0) reader.stop();
  });
}

/**
 * Close the core and emit `'close'` on the next tick, once.
 *
 * @param emitter - the socket object
 * @param core - its core
 * @example
 * ```ts
 * close(): void { closeAndEmit(this, this[CORE]); }
 * ```
 */
export function closeAndEmit(emitter: Emitter, core: SocketCore): void {
  if (!core.isOpen) return;
  core.close();
  process.nextTick(() => emitter.emit('close'));
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
  const reader = new MessageReader(
    core,
    (data, from) => {
      queue.push({ buffer: data, bytes: data.length, ...from });
      if (queue.length >= ITERATOR_HIGH_WATER) reader.stop();
      wake?.();
    },
    (error) => {
      failure = error;
      reader.stop();
      wake?.();
    },
    () => wake?.(),
  );
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
