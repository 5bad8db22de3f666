/**
 * Active `SOCK_SEQPACKET` local sockets: connected like a stream, delimited
 * like datagrams. One `sendTo` is one record and one `receiveFrom` reads one
 * record (a short buffer drops the rest: `receiveMessage` says `truncated`);
 * async iteration yields the records until the peer closes or the socket does.
 */
import { CORE } from '../core/handle.js';
import type { SocketCore } from '../core/socket-core.js';
import { receiveMessage } from '../ops/message.js';
import type { ReceiveMessageResult, StreamDefaults } from '../types.js';
import { ActiveMethods, SocketMethods, SocketObject } from './methods.js';

/** Largest record iteration reads: longer records are cut (`truncated`). */
const MAX_RECORD = 65536;

/** Base of the active seqpacket class. Not exported from the package. */
export class SeqpacketBase extends ActiveMethods(SocketMethods(SocketObject)) {
  /** Internal: sockets are made by `makeSocket`, `makeSocketPair`, `acceptConnection` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
  }

  /**
   * Received records, each in a Buffer of its own length (with any fds passed
   * along), until the peer shuts down or closes, or this socket is closed.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ReceiveMessageResult, void, undefined> {
    const scratch = Buffer.allocUnsafe(MAX_RECORD);
    const core = this[CORE];
    while (core.fd >= 0) {
      let r: ReceiveMessageResult;
      try {
        r = await receiveMessage(core, { buffers: scratch });
      } catch (e) {
        if (core.fd < 0) return;
        throw e;
      }
      // End of connection: a zero-length read that carried nothing.
      if (r.bytes === 0 && r.fds.length === 0 && !r.truncated) return;
      yield { ...r, buffers: [Buffer.from(scratch.subarray(0, r.bytes))] };
    }
  }
}
