/**
 * `makeSocket` and `withOpenSocket` (IOLib's `make-socket`, `with-open-socket`):
 * create, configure, bind, connect or listen, per the manual's matrix.
 */
import { IPv4Address, IPv6Address, type InetAddress } from '@iolib/address';
import { resolveHost, resolvePort, toLocalAddress } from '../core/resolve.js';
import { SocketCore } from '../core/socket-core.js';
import { bindResolved } from '../ops/bind.js';
import { connectResolved } from '../ops/connect.js';
import { openSocketFd } from '../ops/create.js';
import { checkBacklog, DEFAULT_BACKLOG_SIZE, listenCore } from '../ops/listen.js';
import { setOption } from '../ops/options.js';
import type { SocketFamily } from '../types.js';
import {
  socketOf,
  type Socket,
  type SocketDatagramInternetActive,
  type SocketDatagramLocalActive,
  type SocketSeqpacketLocalActive,
  type SocketSeqpacketLocalPassive,
  type SocketStreamInternetActive,
  type SocketStreamInternetPassive,
  type SocketStreamLocalActive,
  type SocketStreamLocalPassive,
} from './classes.js';
import { validateMakeSocketOptions, type MakeSocketOptions } from './make-socket-options.js';
import { streamDefaults } from './stream-defaults.js';

type Local = { readonly addressFamily: 'local' | 'file' };
type Dgram = { readonly type: 'datagram' };
type Seqpacket = { readonly type: 'seqpacket' };
type Passive = { readonly connect: 'passive' };

/** The socket class `makeSocket` returns for the given options. */
export type SocketFor<O extends MakeSocketOptions> = O extends Local
  ? O extends Dgram
    ? SocketDatagramLocalActive
    : O extends Seqpacket
      ? O extends Passive
        ? SocketSeqpacketLocalPassive
        : SocketSeqpacketLocalActive
      : O extends Passive
        ? SocketStreamLocalPassive
        : SocketStreamLocalActive
  : O extends Dgram
    ? SocketDatagramInternetActive
    : O extends Passive
      ? SocketStreamInternetPassive
      : SocketStreamInternetActive;

function pickFamily(o: MakeSocketOptions, hosts: readonly (InetAddress | undefined)[]): SocketFamily {
  if (o.addressFamily === 'ipv6' || o.ipv6 === true) return 'ipv6';
  if (o.addressFamily === 'ipv4' || o.ipv6 === false) return 'ipv4';
  return hosts.some((h) => h instanceof IPv6Address) ? 'ipv6' : 'ipv4';
}

function wildcard(family: SocketFamily): InetAddress {
  return family === 'ipv6' ? new IPv6Address([0, 0, 0, 0, 0, 0, 0, 0]) : new IPv4Address(0);
}

/**
 * Create a socket of the kind the options say and set it up: options, bind
 * (`localHost`/`localPort` or `localFilename`), then connect (`remoteHost`/
 * `remotePort` or `remoteFilename`) or listen (`backlog`). Internet sockets are
 * IPv4 unless `ipv6`, `addressFamily: 'ipv6'`, or an IPv6 host address says
 * otherwise. On any failure the new socket is closed before the error is thrown.
 *
 * System calls: `socket(2)`, `setsockopt(2)`, `bind(2)`, `connect(2)`, `listen(2)`.
 *
 * @param options - see {@link MakeSocketOptions}; keywords outside the combination are errors
 * @returns the socket (a `Duplex` for active stream sockets)
 * @throws {TypeError} naming a keyword that does not belong to the combination, or a bad value
 * @throws {SocketError} from the system calls: its subclass names the condition
 *   (`SocketAddressInUseError`, `SocketConnectionRefusedError`, …)
 * @example
 * ```ts
 * const server = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0, backlog: 64 });
 * const client = await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) });
 * ```
 */
export async function makeSocket<O extends MakeSocketOptions>(options?: O): Promise<SocketFor<O>>;
export async function makeSocket(options: MakeSocketOptions = {}): Promise<Socket> {
  const combo = validateMakeSocketOptions(options);
  if (options.backlog !== undefined) checkBacklog(options.backlog);
  const defaults = streamDefaults(options);
  const proto = combo.type === 'stream' ? 'tcp' : 'udp';
  if (combo.family === 'local') {
    const local = options.localFilename === undefined ? undefined : toLocalAddress(options.localFilename, 'localFilename');
    const remote = options.remoteFilename === undefined ? undefined : toLocalAddress(options.remoteFilename, 'remoteFilename');
    const core = new SocketCore(openSocketFd('local', combo.type), 'local', combo.type);
    const socket = socketOf(core, combo.connect === 'passive', defaults);
    try {
      if (local !== undefined) bindResolved(core, local, 0, false, 'localFilename');
      if (combo.connect === 'passive') {
        if (local !== undefined) listenCore(core, options.backlog ?? DEFAULT_BACKLOG_SIZE);
      } else if (remote !== undefined) await connectResolved(core, remote, 0, true, undefined);
    } catch (e) {
      socket.close();
      throw e;
    }
    return socket;
  }
  const want6 = options.addressFamily === 'ipv6' || options.ipv6 === true;
  const localHost = options.localHost === undefined ? undefined : await resolveHost(options.localHost, want6, 'localHost');
  const remoteHost = options.remoteHost === undefined ? undefined : await resolveHost(options.remoteHost, want6, 'remoteHost');
  const localPort = await resolvePort(options.localPort ?? 0, proto, 'localPort');
  const remotePort = await resolvePort(options.remotePort ?? 0, proto, 'remotePort');
  if (options.remotePort !== undefined && remoteHost === undefined) throw new TypeError('makeSocket: remotePort given without remoteHost');
  const family = pickFamily(options, [localHost, remoteHost]);
  const core = new SocketCore(openSocketFd(family, combo.type), family, combo.type);
  const socket = socketOf(core, combo.connect === 'passive', defaults);
  try {
    if (options.keepalive !== undefined) setOption(core, 'keepAlive', options.keepalive);
    if (options.nodelay !== undefined) setOption(core, 'tcpNodelay', options.nodelay);
    if (options.broadcast !== undefined) setOption(core, 'broadcast', options.broadcast);
    if (options.interface !== undefined) setOption(core, 'bindToDevice', options.interface);
    // A localPort alone binds the wildcard address of the family.
    const bindHost = localHost ?? (options.localPort === undefined ? undefined : wildcard(family));
    if (bindHost !== undefined) bindResolved(core, bindHost, localPort, options.reuseAddress ?? true, 'localHost');
    if (combo.connect === 'passive') {
      if (bindHost !== undefined) listenCore(core, options.backlog ?? DEFAULT_BACKLOG_SIZE);
    } else if (remoteHost !== undefined) await connectResolved(core, remoteHost, remotePort, true, undefined);
  } catch (e) {
    socket.close();
    throw e;
  }
  return socket;
}

/**
 * Make a socket, run `fn` with it, and close it whatever happens (IOLib's
 * `with-open-socket`).
 *
 * @param options - as {@link makeSocket}
 * @param fn - the body
 * @returns what `fn` returns
 * @throws whatever `makeSocket` or `fn` throws
 * @example
 * ```ts
 * const port = await withOpenSocket({ connect: 'passive', localHost: '127.0.0.1' }, (s) => localPort(s));
 * ```
 */
export async function withOpenSocket<O extends MakeSocketOptions, T>(options: O, fn: (socket: SocketFor<O>) => Promise<T> | T): Promise<T> {
  const socket = await makeSocket(options);
  try {
    return await fn(socket);
  } finally {
    socket.close();
  }
}
