/**
 * bind(2): set a socket's local address (IOLib's `bind-address`).
 */
import { LocalAddress, type Address } from '@iolib/address';
import { describe, encodeAddress } from '../core/addressing.js';
import { socketError } from '../core/errors.js';
import { resolveHost, resolvePort, toLocalAddress } from '../core/resolve.js';
import type { SocketCore } from '../core/socket-core.js';
import { boundSocketFile } from '../core/socket-file.js';
import { SOL_SOCKET, SO_REUSEADDR, bind, setsockopt, trySyscall } from '../core/sys.js';
import type { BindOptions, FilenameDesignator, HostDesignator } from '../types.js';

/**
 * Bind `core`'s fd to an already resolved address (shared with `makeSocket`).
 *
 * System calls: `setsockopt(2)` (`SO_REUSEADDR`), `bind(2)`; `lstat(2)` of the socket file a passive socket creates.
 *
 * @param core - the socket's core
 * @param address - the resolved address
 * @param port - the resolved port (internet)
 * @param reuseAddress - set `SO_REUSEADDR` first (internet sockets)
 * @param what - the input's name, for errors
 * @throws {SocketError} `EBADF` when closed; `EADDRINUSE`, … from the kernel
 * @example
 * ```ts
 * bindResolved(core, parseAddress('127.0.0.1'), 0, true, 'localHost');
 * ```
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
  if (core.removesSocketFile && address instanceof LocalAddress && !address.abstract) core.socketFile = boundSocketFile(address.name);
}

/**
 * Resolve a host or filename designator for `core`'s family and bind to it.
 * The public `bindAddress` (api) documents the behaviour.
 *
 * System calls: `setsockopt(2)` (`SO_REUSEADDR`), `bind(2)`.
 *
 * @param core - the socket's core
 * @param address - internet: an address, literal or host name; local: a path or `LocalAddress`
 * @param options - `port`, `reuseAddress`
 * @throws {SocketAddressInUseError} `EADDRINUSE`; {TypeError}/{RangeError} for a bad designator
 * @example
 * ```ts
 * await bindAddress(core, '127.0.0.1', { port: 0 });
 * ```
 */
export async function bindAddress(
  core: SocketCore,
  address: HostDesignator | FilenameDesignator,
  options: BindOptions = {},
): Promise<void> {
  core.use('bindAddress');
  if (core.family === 'local') {
    if (options.port !== undefined) throw new TypeError('bindAddress: port does not apply to a local socket');
    bindResolved(core, toLocalAddress(address, 'bindAddress'), 0, false, 'bindAddress');
    return;
  }
  const host = await resolveHost(address, core.family === 'ipv6', 'bindAddress');
  const port = await resolvePort(options.port ?? 0, core.type === 'stream' ? 'tcp' : 'udp', 'bindAddress port');
  bindResolved(core, host, port, options.reuseAddress ?? true, 'bindAddress');
}
