/**
 * The destination of a send on an unconnected socket (`sendTo`, `sendMessage`):
 * `remoteHost` + `remotePort` (internet) or `remoteFilename` (local), checked
 * against the socket's family and encoded. A host without a port is a
 * `TypeError`, never port 0. Repeated sends to one peer encode once.
 */
import type { Address } from '@iolib/address';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../types.js';
import { describe, encodeAddress } from './addressing.js';
import { resolveHost, resolvePort, toLocalAddress } from './resolve.js';
import type { SocketCore } from './socket-core.js';

/** The destination options of `sendTo` / `sendMessage`. */
export interface DestinationOptions {
  readonly remoteHost?: HostDesignator;
  readonly remotePort?: PortDesignator;
  readonly remoteFilename?: FilenameDesignator;
}

/** An encoded destination, and what error messages say about it. */
export interface Destination {
  readonly sa: Buffer;
  readonly details: object;
}

/** The last destination encoded, per core. */
const lastDestination = new WeakMap<SocketCore, { address: Address; port: number; sa: Buffer }>();

function cached(core: SocketCore, address: Address, port: number, op: string): Buffer {
  const last = lastDestination.get(core);
  if (last !== undefined && last.address === address && last.port === port) return last.sa;
  const sa = encodeAddress(core.family, address, port, op);
  lastDestination.set(core, { address, port, sa });
  return sa;
}

/**
 * The destination `o` names, or `null` for the connected peer.
 *
 * @param core - the sending socket
 * @param o - `remoteHost` / `remotePort` / `remoteFilename`
 * @param op - the operation, for errors (`'sendTo'`)
 * @returns the encoded destination, or `null` when `o` names none
 * @throws {TypeError} for options of the other family, `remotePort` without `remoteHost`, `remoteHost` without `remotePort`
 * @example
 * ```ts
 * const dest = await destination(core, { remoteHost: '127.0.0.1', remotePort: 53 }, 'sendTo');
 * ```
 */
export async function destination(core: SocketCore, o: DestinationOptions, op: string): Promise<Destination | null> {
  if (core.family === 'local') {
    if (o.remoteHost !== undefined || o.remotePort !== undefined) throw new TypeError(`${op}: remoteHost/remotePort do not apply to a local socket; use remoteFilename`);
    if (o.remoteFilename === undefined) return null;
    const address = toLocalAddress(o.remoteFilename, `${op} remoteFilename`);
    return { sa: cached(core, address, 0, op), details: describe(address, 0, true) };
  }
  if (o.remoteFilename !== undefined) throw new TypeError(`${op}: remoteFilename does not apply to an internet socket`);
  if (o.remoteHost === undefined) {
    if (o.remotePort !== undefined) throw new TypeError(`${op}: remotePort given without remoteHost`);
    return null;
  }
  if (o.remotePort === undefined) throw new TypeError(`${op}: remoteHost given without remotePort (a destination needs a port)`);
  const host = await resolveHost(o.remoteHost, core.family === 'ipv6', `${op} remoteHost`);
  const port = await resolvePort(o.remotePort, core.type === 'stream' ? 'tcp' : 'udp', `${op} remotePort`);
  return { sa: cached(core, host, port, op), details: describe(host, port, false) };
}
