/**
 * send(2) / sendto(2): one send system call, waiting for writability on
 * `EAGAIN` unless `dontWait` (IOLib's `send-to`).
 */
// Imported: Node's global `Buffer` is an accessor, a slower load on the per-send path.
import { Buffer } from 'node:buffer';
import { WRITABLE } from '@iolib/iomux';
import { checkSignal } from '../core/abort.js';
import { checkRange, toBytes } from '../core/buffers.js';
import { socketError } from '../core/errors.js';
import { ParkedOp, parkOp, rejection } from '../core/parked-op.js';
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

/** The send flags `o` asks for (`MSG_NOSIGNAL` always: a broken stream reports `EPIPE`, no signal). */
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
export function sendTo(core: SocketCore, buffer: Bytes, options?: SendToOptions): Promise<number> {
  try {
    // The connected socket's plain send: nothing to check but the buffer.
    if (options === undefined && Buffer.isBuffer(buffer)) return sendNow(core, buffer, buffer.length, MSG_NOSIGNAL, null, false);
    const o = options ?? NO_OPTIONS;
    const bytes = toBytes(buffer, 'sendTo');
    // A range starting at 0 needs no view: the length argument ends it.
    let data = bytes;
    let length = bytes.length;
    if (o.start !== undefined || o.end !== undefined) {
      const [start, end] = checkRange(length, o.start, o.end, 'sendTo');
      if (start !== 0) data = bytes.subarray(start, end);
      length = end - start;
    }
    const flags = flagsOf(o);
    const signal = checkSignal(o.signal, 'sendTo');
    const dontWait = o.dontWait === true;
    let dest: Destination | null = null;
    if (o.remoteHost !== undefined || o.remoteFilename !== undefined || o.remotePort !== undefined) {
      const d = destinationOf(core, o, 'sendTo');
      if (d instanceof Promise) return sendToResolved(core, data, length, flags, d, dontWait, signal);
      dest = d;
    }
    // An aborted signal rejects at once, even when there is room.
    if (signal !== undefined) return new Send(core, data, length, flags, dest, dontWait, signal).begin();
    return sendNow(core, data, length, flags, dest, dontWait);
  } catch (e) {
    return rejection(e);
  }
}

const NO_OPTIONS: SendToOptions = Object.freeze({});

/**
 * The fast path: with room in the socket's buffer, a send (to an address
 * literal too) completes at once and needs no parked operation; only
 * `EAGAIN` builds one.
 */
function sendNow(
  core: SocketCore,
  data: Buffer,
  length: number,
  flags: number,
  dest: Destination | null,
  dontWait: boolean,
): Promise<number> {
  const n = attemptSend(core, data, length, flags, dest, dontWait);
  return n === undefined ? parkOp(new Send(core, data, length, flags, dest, dontWait, undefined)) : Promise.resolve(n);
}

/** One send system call: the count, or `undefined` on `EAGAIN` (wait and try again); throws other errors. */
function attemptSend(
  core: SocketCore,
  data: Buffer,
  length: number,
  flags: number,
  dest: Destination | null,
  dontWait: boolean,
): number | undefined {
  for (;;) {
    const fd = core.use('sendTo');
    const n = dest === null ? send(fd, data, length, flags) : sendto(fd, data, length, flags, dest.sa, dest.sa.length);
    if (n >= 0) return n;
    const e = errno();
    if (e === EINTR) continue;
    if (e !== EAGAIN || dontWait)
      throw socketError(dest === null ? 'send' : 'sendto', e, { fd, ...(dest && destinationDetails(core, dest)) });
    return undefined;
  }
}

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
    return attemptSend(this.core, this.data, this.length, this.flags, this.dest, this.dontWait);
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
