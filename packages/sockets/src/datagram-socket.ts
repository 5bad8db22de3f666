/**
 * Datagram sockets: `sendTo` / `receiveFrom`, `disconnect`, and async
 * iteration over received messages.
 */
import type { SocketCore } from './core.js';
import type { StreamDefaults } from './construct.js';
import { disconnect } from './connect.js';
import { CORE } from './handle.js';
import { ActiveMethods, SocketMethods, SocketObject } from './methods.js';
import { receiveFrom, type ReceiveResult } from './receive.js';
import type { DatagramSocket } from './types.js';

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

  /** See {@link disconnect}. */
  disconnect(): this {
    disconnect(this as unknown as DatagramSocket);
    return this;
  }

  /**
   * Received messages, one per datagram, each in a Buffer of its own length,
   * until the socket is closed.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ReceiveResult, void, undefined> {
    const self = this as unknown as DatagramSocket;
    const scratch = Buffer.allocUnsafe(MAX_DATAGRAM);
    const core = this[CORE];
    while (core.fd >= 0) {
      let r: ReceiveResult;
      try {
        r = await receiveFrom(self, { buffer: scratch });
      } catch (e) {
        if (core.fd < 0) return;
        throw e;
      }
      yield { ...r, buffer: Buffer.from(scratch.subarray(0, r.bytes)) };
    }
  }
}
