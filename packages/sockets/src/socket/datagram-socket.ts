/**
 * Datagram sockets: `sendTo` / `receiveFrom`, `disconnect`, multicast
 * membership, and async iteration over received messages.
 */
import { CORE } from '../core/handle.js';
import type { SocketCore } from '../core/socket-core.js';
import type { Address } from '@iolib/address';
import { disconnect } from '../ops/connect.js';
import { joinGroup, leaveGroup } from '../ops/multicast.js';
import { receiveFrom } from '../ops/receive.js';
import type { GroupOptions, ReceiveResult, StreamDefaults } from '../types.js';
import { ActiveMethods, SocketMethods, SocketObject } from './methods.js';

/** Largest UDP payload: receive buffers of iteration are this big. */
const MAX_DATAGRAM = 65536;

/** Base of the datagram classes. Not exported from the package. */
export class DatagramBase extends ActiveMethods(SocketMethods(SocketObject)) {
  /** Internal: sockets are made by `makeSocket`, `makeSocketPair` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
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
   * until the socket is closed.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ReceiveResult, void, undefined> {
    const scratch = Buffer.allocUnsafe(MAX_DATAGRAM);
    const core = this[CORE];
    while (core.fd >= 0) {
      let r: ReceiveResult;
      try {
        r = await receiveFrom(core, { buffer: scratch });
      } catch (e) {
        if (core.fd < 0) return;
        throw e;
      }
      yield { ...r, buffer: Buffer.from(scratch.subarray(0, r.bytes)) };
    }
  }
}
