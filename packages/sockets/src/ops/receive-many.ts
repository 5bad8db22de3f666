/**
 * recvmmsg(2): several datagrams in one system call, waiting for readability
 * when none is there.
 */
import { READABLE } from '@iolib/iomux';
import { checkSignal } from '../core/abort.js';
import { isLocalName } from '../core/addressing.js';
import { ParkedOp, rejection } from '../core/parked-op.js';
import type { SocketCore } from '../core/socket-core.js';
import type { ReceivedDatagram, ReceiveManyOptions } from '../types.js';
import { MAX_BATCH, MAX_DATAGRAM, ReceiveBatch, sharedBatch } from './batch.js';

/** Most datagrams one call takes (`UIO_MAXIOV`). */
const MAX_COUNT = 1024;

function checkCount(value: unknown, what: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`receiveMany: ${what} ${String(value)} is not an integer in 1–${max}`);
  }
  return value;
}

/**
 * Take at least one and at most `count` datagrams. The public `receiveMany`
 * (api) documents the behaviour.
 *
 * System call: `recvmmsg(2)`.
 *
 * @param core - a datagram socket's core
 * @param options - `count`, `size`, `signal`
 * @returns the datagrams, each in a Buffer of its own length (a rejected promise for every failure)
 * @throws never synchronously: {TypeError}, {RangeError} and socket errors reject
 * @example
 * ```ts
 * for (const d of await receiveMany(core, { count: 16 })) console.log(d.bytes, d.host, d.port);
 * ```
 */
export function receiveMany(core: SocketCore, options: ReceiveManyOptions = {}): Promise<ReceivedDatagram[]> {
  try {
    if (core.type === 'stream') throw new TypeError('receiveMany: works only on datagram and seqpacket sockets');
    const count = checkCount(options.count ?? MAX_BATCH, 'count', MAX_COUNT);
    const size = checkCount(options.size ?? MAX_DATAGRAM, 'size', 0x7fffffff);
    const batch = count <= MAX_BATCH && size === MAX_DATAGRAM ? sharedBatch() : new ReceiveBatch(count, size);
    return new ReceiveMany(core, batch, count, checkSignal(options.signal, 'receiveMany')).begin();
  } catch (e) {
    return rejection(e);
  }
}

/** One batched receive, parked on the socket as its own waiter while nothing is there. */
class ReceiveMany extends ParkedOp<ReceivedDatagram[]> {
  constructor(
    core: SocketCore,
    readonly batch: ReceiveBatch,
    readonly count: number,
    signal: AbortSignal | undefined,
  ) {
    super(core, 'receiveMany', READABLE, signal);
  }

  /** The datagrams there are, or `undefined` when none (wait and try again); throws other errors. */
  attempt(): ReceivedDatagram[] | undefined {
    const { core, batch } = this;
    const n = batch.receive(core, this.count, 'receiveMany');
    if (n === undefined) return undefined;
    const out: ReceivedDatagram[] = [];
    for (let i = 0; i < n; i++) {
      const buffer = batch.copy(i);
      const truncated = batch.truncated(i);
      const name = batch.sender(core, i);
      if (isLocalName(name)) out.push({ buffer, bytes: buffer.length, filename: name.address.name, truncated });
      else out.push({ buffer, bytes: buffer.length, host: name.address, port: name.port, truncated });
    }
    return out;
  }
}
