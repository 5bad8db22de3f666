/**
 * send(2) / sendto(2): one send system call, waiting for writability on
 * `EAGAIN` unless `dontWait` (IOLib's `send-to`).
 */
import { WRITABLE } from '@iolib/iomux';
import { checkSignal } from '../core/abort.js';
import { checkRange, toBytes } from '../core/buffers.js';
import { socketError } from '../core/errors.js';
import { ParkedOp, rejection } from '../core/parked-op.js';
import { destinationDetails, destinationOf, type Destination } from '../core/destination.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  EAGAIN,
  EINTR,
  MSG_CONFIRM,
  MSG_DONTROUTE,
  MSG_DONTWAIT,
  MSG_MORE,
  MSG_NOSIGNAL,
  MSG_OOB,
  errno,
  send,
  sendto,
} from '../core/sys.js';
import type { Bytes, SendToOptions } from '../types.js';

/**
 * The destination of `o`, or `null` for none (a connected socket): synchronous
 * for an address value or literal and a numeric port, a promise when a name
 * or service must be looked up.
 */
function flagsOf(o: SendToOptions): number {
  let f = MSG_NOSIGNAL;
  if (o.dontRoute === true) f |= MSG_DONTROUTE;
  if (o.dontWait === true) f |= MSG_DONTWAIT;
  if (o.outOfBand === true) f |= MSG_OOB;
  if (o.more === true) f |= MSG_MORE;
  if (o.confirm === true) f |= MSG_CONFIRM;
  return f;
}

/**
 * Send bytes from `buffer[start, end)` in one system call: the fast path
 * sends a connected socket's bytes without any async machinery. The public
 * `sendTo` (api) documents the behaviour.
 *
 * System calls: `send(2)` or `sendto(2)`.
 *
 * @param core - the socket's core
 * @param buffer - the bytes
 * @param options - range, destination, flags
 * @returns the number of bytes sent (a rejected promise for every failure)
 * @throws never synchronously: {RangeError}, {TypeError} and socket errors reject
 * @example
 * ```ts
 * await sendTo(core, Buffer.from('ping'));
 * ```
 */
export function sendTo(core: SocketCore, buffer: Bytes, options: SendToOptions = NO_OPTIONS): Promise<number> {
  try {
    const bytes = toBytes(buffer, 'sendTo');
    // A range starting at 0 needs no view: the length argument ends it.
    let data = bytes;
    let length = bytes.length;
    if (options.start !== undefined || options.end !== undefined) {
      const [start, end] = checkRange(length, options.start, options.end, 'sendTo');
      if (start !== 0) data = bytes.subarray(start, end);
      length = end - start;
    }
    const flags = flagsOf(options);
    const signal = checkSignal(options.signal, 'sendTo');
    let dest: Destination | null = null;
    if (options.remoteHost !== undefined || options.remoteFilename !== undefined || options.remotePort !== undefined) {
      const d = destinationOf(core, options, 'sendTo');
      if (d instanceof Promise) return sendToResolved(core, data, length, flags, d, options.dontWait === true, signal);
      dest = d;
    }
    // Fast path: with room in the socket's buffer, a send (to an address literal too) needs no async machinery.
    // An aborted signal rejects at once, even when there is room.
    return new Send(core, data, length, flags, dest, options.dontWait === true, signal).begin();
  } catch (e) {
    return rejection(e);
  }
}

const NO_OPTIONS: SendToOptions = Object.freeze({});

/** One send, ready to attempt; parked on the socket as its own waiter while the buffer is full. */
class Send extends ParkedOp<number> {
  constructor(
    core: SocketCore,
    readonly data: Buffer,
    readonly length: number,
    readonly flags: number,
    readonly dest: Destination | null,
    readonly dontWait: boolean,
    signal: AbortSignal | undefined,
  ) {
    super(core, 'sendTo', WRITABLE, signal);
  }

  /** One send: the count, or `undefined` on `EAGAIN` (wait and try again); throws other errors. */
  attempt(): number | undefined {
    const { core, data, length, flags, dest } = this;
    for (;;) {
      const fd = core.use('sendTo');
      const n = dest === null ? send(fd, data, length, flags) : sendto(fd, data, length, flags, dest.sa, dest.sa.length);
      if (n >= 0) return n;
      const e = errno();
      if (e === EINTR) continue;
      if (e !== EAGAIN || this.dontWait)
        throw socketError(dest === null ? 'send' : 'sendto', e, { fd, ...(dest && destinationDetails(core, dest)) });
      return undefined;
    }
  }
}

async function sendToResolved(
  core: SocketCore,
  data: Buffer,
  length: number,
  flags: number,
  dest: Promise<Destination>,
  dontWait: boolean,
  signal: AbortSignal | undefined,
): Promise<number> {
  return new Send(core, data, length, flags, await dest, dontWait, signal).begin();
}
