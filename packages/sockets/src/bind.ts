/**
 * `bindAddress` (IOLib's `bind-address`): set a socket's local address.
 */
import type { Address } from '@iolib/address';
import { encodeAddress } from './addressing.js';
import type { SocketCore } from './core.js';
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import type { FilenameDesignator, HostDesignator, PortDesignator } from './make-socket-options.js';
import { resolveHost, resolvePort, toLocalAddress } from './resolve.js';
import { SOL_SOCKET, SO_REUSEADDR, bind, setsockopt, trySyscall } from './sys.js';
import type { Socket } from './types.js';

/** Options of {@link bindAddress}. */
export interface BindOptions {
  /** Internet sockets: the port (number or service name), default 0 (the kernel picks one). */
  readonly port?: PortDesignator;
  /** Internet sockets: set `SO_REUSEADDR` first (default true, as IOLib). */
  readonly reuseAddress?: boolean;
}

/**
 * Bind `core`'s fd to an already resolved address. Internal, shared with `makeSocket`.
 *
 * System calls: `setsockopt(2)` (`SO_REUSEADDR`), `bind(2)`.
 */
export function bindResolved(core: SocketCore, address: Address, port: number, reuseAddress: boolean, what: string): void {
  const fd = core.use('bindAddress');
  const sa = encodeAddress(core.family, address, port, what);
  if (reuseAddress && core.family !== 'local') {
    const on = Buffer.from([1, 0, 0, 0]);
    const r = trySyscall(() => setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, on, 4));
    if (r < 0) throw socketError('setsockopt', -r, { detail: 'reuseAddress', fd });
  }
  const r = trySyscall(() => bind(fd, sa, sa.length));
  if (r < 0) throw socketError('bind', -r, describe(address, port, core.family === 'local', fd));
}

/** Error details for an address: Node's `address`/`port`, or `path`. */
export function describe(address: Address, port: number, local: boolean, fd?: number): { address?: string; port?: number; path?: string; fd?: number; detail?: string } {
  const text = String(address);
  const base = fd === undefined ? {} : { fd };
  if (local) return { ...base, path: text };
  return { ...base, address: text, port, detail: text.includes(':') ? `[${text}]:${port}` : `${text}:${port}` };
}

/**
 * Set the local address of `socket` (and the port, for internet sockets).
 *
 * System calls: `setsockopt(2)` (`SO_REUSEADDR`), `bind(2)`.
 *
 * @param socket - an unbound socket
 * @param address - internet: an address, literal or host name; local: a path or `LocalAddress`
 * @param options - `port` (internet, default 0) and `reuseAddress` (default true)
 * @returns `socket`
 * @throws {SocketAddressInUseError} `EADDRINUSE`; {SocketAddressNotAvailableError} `EADDRNOTAVAIL`
 * @throws {TypeError} when the address family does not fit the socket; {RangeError} for a bad port or a path too long
 * @example
 * ```ts
 * await bindAddress(s, '127.0.0.1', { port: 0 });
 * ```
 */
export async function bindAddress<S extends Socket>(socket: S, address: HostDesignator | FilenameDesignator, options: BindOptions = {}): Promise<S> {
  const core = coreOf(socket, 'bindAddress');
  core.use('bindAddress');
  if (core.family === 'local') {
    if (options.port !== undefined) throw new TypeError('bindAddress: port does not apply to a local socket');
    bindResolved(core, toLocalAddress(address, 'bindAddress'), 0, false, 'bindAddress');
    return socket;
  }
  const host = await resolveHost(address, core.family === 'ipv6', 'bindAddress');
  const port = await resolvePort(options.port ?? 0, core.type === 'stream' ? 'tcp' : 'udp', 'bindAddress port');
  bindResolved(core, host, port, options.reuseAddress ?? true, 'bindAddress');
  return socket;
}
