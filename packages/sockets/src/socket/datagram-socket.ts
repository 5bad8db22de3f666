/**
 * Datagram sockets: `sendTo` / `receiveFrom`, `sendMany` / `receiveMany`,
 * `disconnect`, multicast membership, `'message'` events and async iteration
 * over received messages.
 */
import { CORE } from '../core/handle.js';
import type { SocketCore } from '../core/socket-core.js';
import type { Address } from '@iolib/address';
import { disconnect } from '../ops/connect.js';
import { joinGroup, leaveGroup } from '../ops/multicast.js';
import type { GroupOptions, ReceiveResult, StreamDefaults } from '../types.js';
import { closeAndEmit, iterateMessages, wireMessageEvents } from './message-events.js';
import { ActiveMethods, BatchMethods, SocketEmitter, SocketMethods } from './methods.js';

/**
 * Base of the datagram classes: an `EventEmitter` (`'message'`, `'error'`,
 * `'close'`). Not exported from the package.
 */
export class DatagramBase extends BatchMethods(ActiveMethods(SocketMethods(SocketEmitter))) {
  /** Internal: sockets are made by `makeSocket`, `makeSocketPair` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
    wireMessageEvents(this, core);
  }

  /** Close the socket (idempotent); `'close'` follows on the next tick. */
  override close(): void {
    closeAndEmit(this, this[CORE]);
  }

  /** See `disconnect`. */
  disconnect(): this {
    disconnect(this[CORE]);
    return this;
  }

  /** See `joinGroup`. */
  joinGroup(group: Address | string, options?: GroupOptions): this {
    joinGroup(this[CORE], group, options);
    return this;
  }

  /** See `leaveGroup`. */
  leaveGroup(group: Address | string, options?: GroupOptions): this {
    leaveGroup(this[CORE], group, options);
    return this;
  }

  /**
   * Received messages, one per datagram, each in a Buffer of its own length,
   * until the socket is closed (taken in batches under load).
   */
  [Symbol.asyncIterator](): AsyncGenerator<ReceiveResult, void, undefined> {
    return iterateMessages(this[CORE]);
  }
}
