/**
 * Datagram sockets: `sendTo` / `receiveFrom`, `sendMany` / `receiveMany`,
 * `disconnect`, multicast membership, `'message'` events and async iteration
 * over received messages.
 */
import { CORE } from '../core/handle.js';
import type { Address } from '@iolib/address';
import { disconnect } from '../ops/connect.js';
import { joinGroup, leaveGroup } from '../ops/multicast.js';
import type { GroupOptions, ReceiveResult } from '../types.js';
import { MessageSocketBase, iterateMessages } from './message-events.js';
import { BatchMethods } from './methods.js';

/**
 * Base of the datagram classes: an `EventEmitter` (`'message'`, `'error'`,
 * `'close'`). Not exported from the package.
 */
export class DatagramBase extends BatchMethods(MessageSocketBase) {
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
