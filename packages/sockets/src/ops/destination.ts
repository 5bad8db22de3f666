/**
 * The destination of a send on an unconnected socket: `remoteHost` + `remotePort`
 * (internet) or `remoteFilename` (local), checked against the socket's family and
 * encoded. A host without a port is an error, never port 0.
 */
import { encodeAddress } from '../addressing.js';
import { describe } from '../bind.js';
import type { SocketCore } from '../core.js';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../make-socket-options.js';
import { resolveHost, resolvePort, toLocalAddress } from '../resolve.js';

/** The destination options of `sendTo` / `sendMessage`. */
export interface DestinationOptions {
  readonly remoteHost?: HostDesignator;
  readonly remotePort?: PortDesignator;
  readonly remoteFilename?: FilenameDesignator;
}

/** An encoded destination and what error messages say about it. */
export interface Destination {
  readonly sa: Buffer;
  readonly details: object;
}

/**
 * The destination `o` names, or `null` for the connected peer.
 *
 * @throws {TypeError} for options of the other family, `remotePort` without `remoteHost`, or `remoteHost` without `remotePort`
 */
export function messageDestination(core: SocketCore, o: DestinationOptions, op: string): Destination | null | Promise<Destination> {
  if (core.family === 'local') {
    if (o.remoteHost !== undefined || o.remotePort !== undefined) throw new TypeError(`${op}: remoteHost/remotePort do not apply to a local socket; use remoteFilename`);
    if (o.remoteFilename === undefined) return null;
    const address = toLocalAddress(o.remoteFilename, `${op} remoteFilename`);
    return { sa: encodeAddress('local', address, 0, `${op} remoteFilename`), details: describe(address, 0, true) };
  }
  if (o.remoteFilename !== undefined) throw new TypeError(`${op}: remoteFilename does not apply to an internet socket`);
  if (o.remoteHost === undefined) {
    if (o.remotePort !== undefined) throw new TypeError(`${op}: remotePort given without remoteHost`);
    return null;
  }
  if (o.remotePort === undefined) throw new TypeError(`${op}: remoteHost given without remotePort (a port is required; 0 is not a destination)`);
  const { remoteHost, remotePort } = o;
  return (async () => {
    const host = await resolveHost(remoteHost, core.family === 'ipv6', `${op} remoteHost`);
    const port = await resolvePort(remotePort, core.type === 'stream' ? 'tcp' : 'udp', `${op} remotePort`);
    return { sa: encodeAddress(core.family, host, port, `${op} remoteHost`), details: describe(host, port, false) };
  })();
}
