/**
 * Destinations of sends (`sendTo`, `sendMany`): designators → encoded
 * sockaddr bytes, synchronously when no lookup is needed (an address value or
 * literal and a numeric port), and encoded once per socket while the
 * destination stays the same.
 */
import { InetAddress, type Address } from '@iolib/address';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../types.js';
import { describe, encodeAddress } from './addressing.js';
import { checkPort, parseLiteral, resolveHost, resolvePort, toLocalAddress } from './resolve.js';
import type { SocketCore } from './socket-core.js';

/** An encoded destination: the address and port it was made from, and its sockaddr bytes. */
export interface Destination {
  readonly address: Address;
  readonly port: number;
  readonly sa: Buffer;
}

/** The last destination encoded, per core: repeated sends to one peer encode once. */
const lastDestination = new WeakMap<SocketCore, Destination>();

/**
 * `address:port` encoded for `core`'s family, reusing the socket's last
 * destination when it is the same.
 *
 * @param core - the sending socket's core
 * @param address - the destination address
 * @param port - its port (0 for local sockets)
 * @param what - the input's name, for errors
 * @returns the destination
 * @throws {TypeError} / {RangeError} from `encodeAddress` when it does not fit the socket
 * @example
 * ```ts
 * encodedDestination(core, parseAddress('127.0.0.1'), 53, 'sendTo').sa.length; // 16
 * ```
 */
export function encodedDestination(core: SocketCore, address: Address, port: number, what: string): Destination {
  const last = lastDestination.get(core);
  if (last !== undefined && last.address === address && last.port === port) return last;
  const d = { address, port, sa: encodeAddress(core.family, address, port, what) };
  lastDestination.set(core, d);
  return d;
}

/**
 * A destination that needs no lookup (an internet address value or literal and
 * a numeric port), encoded at once; `undefined` when a name or service must be
 * resolved (use {@link resolveDestination}).
 *
 * @param core - the sending socket's core (internet)
 * @param host - the host designator
 * @param port - the port designator
 * @param what - the operation, for errors (`'sendTo'`)
 * @returns the destination, or `undefined`
 * @throws {RangeError} for a bad port number; encoding errors
 * @example
 * ```ts
 * const d = literalDestination(core, '127.0.0.1', 9000, 'sendTo') ?? (await resolveDestination(core, host, port, 'sendTo'));
 * ```
 */
export function literalDestination(core: SocketCore, host: HostDesignator, port: PortDesignator, what: string): Destination | undefined {
  if (typeof port !== 'number') return undefined;
  const address = host instanceof InetAddress ? host : typeof host === 'string' ? parseLiteral(host) : undefined;
  if (address === undefined) return undefined;
  return encodedDestination(core, address, checkPort(port, `${what} remotePort`), what);
}

/**
 * Resolve a host and port designator (names through `@iolib/dns`) and encode them.
 *
 * @param core - the sending socket's core (internet)
 * @param host - the host designator
 * @param port - the port designator
 * @param what - the operation, for errors
 * @returns the destination
 * @throws resolver errors; {TypeError} / {RangeError} for bad designators
 * @example
 * ```ts
 * await resolveDestination(core, 'localhost', 'domain', 'sendTo');
 * ```
 */
export async function resolveDestination(core: SocketCore, host: HostDesignator, port: PortDesignator, what: string): Promise<Destination> {
  const address = await resolveHost(host, core.family === 'ipv6', `${what} remoteHost`);
  const number = await resolvePort(port, core.type === 'stream' ? 'tcp' : 'udp', `${what} remotePort`);
  return encodedDestination(core, address, number, what);
}

/**
 * A local socket's destination name, encoded.
 *
 * @param core - the sending socket's core (local)
 * @param name - the filename designator
 * @param what - the operation, for errors
 * @returns the destination
 * @throws {TypeError} / {RangeError} for a bad name
 * @example
 * ```ts
 * localDestination(core, '/run/app.sock', 'sendTo').sa;
 * ```
 */
export function localDestination(core: SocketCore, name: FilenameDesignator, what: string): Destination {
  return encodedDestination(core, toLocalAddress(name, `${what} remoteFilename`), 0, what);
}

/**
 * Error details for a destination (see `describe`).
 *
 * @param core - the sending socket's core
 * @param d - the destination
 * @returns `address`/`port`/`detail` or `path`
 * @example
 * ```ts
 * socketError('sendto', e, { fd, ...destinationDetails(core, d) });
 * ```
 */
export function destinationDetails(core: SocketCore, d: Destination): object {
  return describe(d.address, d.port, core.family === 'local');
}

/** The destination options of `sendTo` / `sendMessage`. */
export interface DestinationOptions {
  readonly remoteHost?: HostDesignator;
  readonly remotePort?: PortDesignator;
  readonly remoteFilename?: FilenameDesignator;
}

/**
 * The destination `o` names (`remoteHost` + `remotePort`, or `remoteFilename`), or
 * `null` for the connected peer; a promise only when a name must be resolved.
 *
 * @param core - the sending socket
 * @param o - the destination options
 * @param op - the operation, for errors (`'sendTo'`)
 * @returns the destination, `null`, or a promise of a resolved destination
 * @throws {TypeError} for options of the other family, `remotePort` without `remoteHost`, `remoteHost` without `remotePort`
 * @example
 * ```ts
 * destinationOf(core, { remoteHost: '127.0.0.1', remotePort: 53 }, 'sendTo');
 * ```
 */
export function destinationOf(core: SocketCore, o: DestinationOptions, op: string): Destination | null | Promise<Destination> {
  if (core.family === 'local') {
    if (o.remoteHost !== undefined || o.remotePort !== undefined)
      throw new TypeError(`${op}: remoteHost/remotePort do not apply to a local socket; use remoteFilename`);
    if (o.remoteFilename === undefined) return null;
    return localDestination(core, o.remoteFilename, op);
  }
  if (o.remoteFilename !== undefined) throw new TypeError(`${op}: remoteFilename does not apply to an internet socket`);
  if (o.remoteHost === undefined) {
    if (o.remotePort !== undefined) throw new TypeError(`${op}: remotePort given without remoteHost`);
    return null;
  }
  if (o.remotePort === undefined) throw new TypeError(`${op}: remoteHost given without remotePort (a destination needs a port)`);
  return literalDestination(core, o.remoteHost, o.remotePort, op) ?? resolveDestination(core, o.remoteHost, o.remotePort, op);
}
