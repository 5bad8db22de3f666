/**
 * send(2) / sendto(2): one send system call, waiting for writability on
 * `EAGAIN` unless `dontWait` (IOLib's `send-to`).
 */
import type { Address } from '@iolib/address';
import { WRITABLE } from '@iolib/iomux';
import { describe, encodeAddress } from '../core/addressing.js';
import { checkRange, toBytes } from '../core/buffers.js';
import { socketError } from '../core/errors.js';
import { parkOp, rejection, retryOp, type ParkedOp } from '../core/parked-op.js';
import { resolveHost, resolvePort, toLocalAddress } from '../core/resolve.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  EAGAIN, EINTR, MSG_CONFIRM, MSG_DONTROUTE, MSG_DONTWAIT, MSG_MORE, MSG_NOSIGNAL, MSG_OOB, errno, send, sendto,
} from '../core/sys.js';
import type { Bytes, SendToOptions } from '../types.js';

/** The last destination encoded, per core: repeated sends to one peer encode once. */
const lastDestination = new WeakMap<SocketCore, { address: Address; port: number; sa: Buffer }>();

async function destination(core: SocketCore, o: SendToOptions): Promise<{ sa: Buffer; details: object } | null> {
  if (core.family === 'local') {
    if (o.remoteHost !== undefined || o.remotePort !== undefined) throw new TypeError('sendTo: remoteHost/remotePort do not apply to a local socket; use remoteFilename');
    if (o.remoteFilename === undefined) return null;
    const address = toLocalAddress(o.remoteFilename, 'sendTo remoteFilename');
    return { sa: cached(core, address, 0), details: describe(address, 0, true) };
  }
  if (o.remoteFilename !== undefined) throw new TypeError('sendTo: remoteFilename does not apply to an internet socket');
  if (o.remoteHost === undefined) {
    if (o.remotePort !== undefined) throw new TypeError('sendTo: remotePort given without remoteHost');
    return null;
  }
  const host = await resolveHost(o.remoteHost, core.family === 'ipv6', 'sendTo remoteHost');
  const port = await resolvePort(o.remotePort ?? 0, core.type === 'stream' ? 'tcp' : 'udp', 'sendTo remotePort');
  return { sa: cached(core, host, port), details: describe(host, port, false) };
}

function cached(core: SocketCore, address: Address, port: number): Buffer {
  const last = lastDestination.get(core);
  if (last !== undefined && last.address === address && last.port === port) return last.sa;
  const sa = encodeAddress(core.family, address, port, 'sendTo');
  lastDestination.set(core, { address, port, sa });
  return sa;
}

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
    if (options.remoteHost !== undefined || options.remoteFilename !== undefined || options.remotePort !== undefined) {
      return sendToDestination(core, data, length, flags, options);
    }
    // Fast path: a connected socket with room in its buffer sends without any async machinery.
    const op = new Send(core, data, length, flags, null, options.dontWait === true);
    const n = op.attempt();
    return n === undefined ? parkOp(op) : Promise.resolve(n);
  } catch (e) {
    return rejection(e);
  }
}

const NO_OPTIONS: SendToOptions = Object.freeze({});

type Destination = { sa: Buffer; details: object } | null;

/** One send, ready to attempt; parked on the socket as its own waiter while the buffer is full. */
class Send implements ParkedOp<number> {
  readonly op = 'sendTo';
  readonly direction = WRITABLE;
  readonly deferred = true;
  timer: NodeJS.Timeout | undefined = undefined;
  settle: ((n: number) => void) | undefined = undefined;
  fail: ((e: Error) => void) | undefined = undefined;

  constructor(
    readonly core: SocketCore,
    readonly data: Buffer,
    readonly length: number,
    readonly flags: number,
    readonly dest: Destination,
    readonly dontWait: boolean,
  ) {}

  /** One send: the count, or `undefined` on `EAGAIN` (wait and try again); throws other errors. */
  attempt(): number | undefined {
    const { core, data, length, flags, dest } = this;
    for (;;) {
      const fd = core.use('sendTo');
      const n = dest === null ? send(fd, data, length, flags) : sendto(fd, data, length, flags, dest.sa, dest.sa.length);
      if (n >= 0) return n;
      const e = errno();
      if (e === EINTR) continue;
      if (e !== EAGAIN || this.dontWait) throw socketError(dest === null ? 'send' : 'sendto', e, { fd, ...dest?.details });
      return undefined;
    }
  }

  /** Writable (or a poll error): retry. */
  resolve(): void {
    retryOp(this);
  }

  /** Closed while waiting. */
  reject(error: Error): void {
    this.fail?.(error);
  }
}

async function sendToDestination(core: SocketCore, data: Buffer, length: number, flags: number, options: SendToOptions): Promise<number> {
  const op = new Send(core, data, length, flags, await destination(core, options), options.dontWait === true);
  return op.attempt() ?? parkOp(op);
}
