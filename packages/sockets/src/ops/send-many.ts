/**
 * sendmmsg(2): several datagrams in one system call, waiting for writability
 * when none could be sent.
 */
import { WRITABLE } from '@iolib/iomux';
import { checkSignal } from '../core/abort.js';
import { toBytes } from '../core/buffers.js';
import { literalDestination, localDestination, resolveDestination, type Destination } from '../core/destination.js';
import { socketError } from '../core/errors.js';
import { ParkedOp, rejection } from '../core/parked-op.js';
import type { SocketCore } from '../core/socket-core.js';
import { EAGAIN, EINTR, MMsgHdrs, MSG_NOSIGNAL, errno, sendmmsg } from '../core/sys.js';
import type { OutgoingDatagram, SendManyOptions } from '../types.js';

/** Most datagrams one call sends (`UIO_MAXIOV`). */
const MAX_COUNT = 1024;

/** The shared header array: filled by each attempt right before its one system call. */
let headers: MMsgHdrs | undefined;

/** A message's destination: none (connected), encoded, or being resolved. */
function destinationOf(core: SocketCore, m: OutgoingDatagram, i: number): Destination | null | Promise<Destination> {
  const what = `sendMany messages[${i}]`;
  if (core.family === 'local') {
    if (m.remoteHost !== undefined || m.remotePort !== undefined)
      throw new TypeError(`${what}: remoteHost/remotePort do not apply to a local socket; use remoteFilename`);
    return m.remoteFilename === undefined ? null : localDestination(core, m.remoteFilename, what);
  }
  if (m.remoteFilename !== undefined) throw new TypeError(`${what}: remoteFilename does not apply to an internet socket`);
  if (m.remoteHost === undefined && m.remotePort === undefined) return null;
  if (m.remoteHost === undefined) throw new TypeError(`${what}: remotePort given without remoteHost`);
  if (m.remotePort === undefined) throw new TypeError(`${what}: remoteHost given without remotePort`);
  return literalDestination(core, m.remoteHost, m.remotePort, what) ?? resolveDestination(core, m.remoteHost, m.remotePort, what);
}

/**
 * Send the first of `messages` that fit in the socket's buffer in one system
 * call. The public `sendMany` (api) documents the behaviour.
 *
 * System call: `sendmmsg(2)`.
 *
 * @param core - a datagram socket's core
 * @param messages - 1–1024 datagrams, each with its destination on an unconnected socket
 * @param options - `signal`
 * @returns how many were sent, at least 1 (a rejected promise for every failure)
 * @throws never synchronously: {TypeError}, {RangeError} and socket errors reject
 * @example
 * ```ts
 * const sent = await sendMany(core, [{ buffer: a }, { buffer: b }]);
 * ```
 */
export function sendMany(core: SocketCore, messages: readonly OutgoingDatagram[], options: SendManyOptions = {}): Promise<number> {
  try {
    if (core.type === 'stream') throw new TypeError('sendMany: works only on datagram and seqpacket sockets');
    const list: unknown = messages;
    if (!Array.isArray(list)) throw new TypeError(`sendMany: messages must be an array, got ${typeof list}`);
    if (messages.length < 1 || messages.length > MAX_COUNT) {
      throw new RangeError(`sendMany: ${messages.length} messages; give 1–${MAX_COUNT}`);
    }
    const signal = checkSignal(options.signal, 'sendMany');
    const data: Buffer[] = [];
    const dests: (Destination | null | Promise<Destination>)[] = [];
    let pending = false;
    for (let i = 0; i < messages.length; i++) {
      const m: unknown = messages[i];
      if (typeof m !== 'object' || m === null)
        throw new TypeError(`sendMany messages[${i}]: expected an object with a buffer, got ${m === null ? 'null' : typeof m}`);
      const message = m as OutgoingDatagram;
      data.push(toBytes(message.buffer, `sendMany messages[${i}]`));
      const d = destinationOf(core, message, i);
      if (d instanceof Promise) pending = true;
      dests.push(d);
    }
    if (pending) return sendResolved(core, data, dests, signal);
    return new SendMany(core, data, dests as (Destination | null)[], signal).begin();
  } catch (e) {
    return rejection(e);
  }
}

async function sendResolved(
  core: SocketCore,
  data: Buffer[],
  dests: (Destination | null | Promise<Destination>)[],
  signal: AbortSignal | undefined,
): Promise<number> {
  return new SendMany(core, data, await Promise.all(dests.map(async (d) => d)), signal).begin();
}

/** One batched send, parked on the socket as its own waiter while its buffer is full. */
class SendMany extends ParkedOp<number> {
  constructor(
    core: SocketCore,
    readonly data: readonly Buffer[],
    readonly dests: readonly (Destination | null)[],
    signal: AbortSignal | undefined,
  ) {
    super(core, 'sendMany', WRITABLE, signal);
  }

  /** One sendmmsg: how many were sent, or `undefined` when none fit (wait and try again); throws other errors. */
  attempt(): number | undefined {
    const { core, data, dests } = this;
    headers ??= new MMsgHdrs(MAX_COUNT);
    const count = data.length;
    for (let i = 0; i < count; i++) headers.set(i, data[i] as Buffer, dests[i]?.sa ?? null);
    for (;;) {
      const fd = core.use('sendMany');
      const n = sendmmsg(fd, headers.buffer, count, MSG_NOSIGNAL);
      if (n >= 0) return n;
      const e = errno();
      if (e === EINTR) continue;
      if (e !== EAGAIN) throw socketError('sendmmsg', e, { fd });
      return undefined;
    }
  }
}
