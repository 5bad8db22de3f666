/**
 * Active `SOCK_SEQPACKET` local sockets: connected like a stream, delimited
 * like datagrams. One `sendTo` is one record and one `receiveFrom` reads one
 * record (a short buffer drops the rest: `receiveMessage` says `truncated`);
 * `'message'` events deliver each record until the peer ends the connection
 * (`'end'`); async iteration yields the records until the peer closes or the
 * socket does.
 */
import { CORE } from '../core/handle.js';
import { receiveMessage } from '../ops/message.js';
import type { ReceiveMessageResult } from '../types.js';
import { MessageSocketBase } from './message-events.js';

/** Largest record iteration reads: longer records are cut (`truncated`). */
const MAX_RECORD = 65536;

/**
 * Base of the active seqpacket class: an `EventEmitter` like the datagram
 * classes. `'message'` (data, `{ filename }` of the peer: `''` when it is
 * unbound) per record; `'end'` when the peer shuts down or closes (a
 * zero-length read: an empty record reads as the end too), after which
 * reading stops for good and the socket stays open until closed; `'error'`
 * for receive errors (`ECONNRESET` when the peer closed with records of ours
 * unread, `EMSGSIZE` for a record over 64 KiB, which is dropped); `'close'`
 * after `close()`. Not exported from the package.
 */
export class SeqpacketBase extends MessageSocketBase {
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
