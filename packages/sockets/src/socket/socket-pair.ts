/**
 * `makeSocketPair` (IOLib's `make-socket-pair`): two connected local sockets.
 */
import { SocketCore } from '../core/socket-core.js';
import { openSocketPairFds } from '../ops/create.js';
import type { StreamDefaults } from '../types.js';
import {
  socketOf,
  type ActiveStreamSocket,
  type Socket,
  type DatagramSocket,
  type SocketDatagramLocalActive,
  type SocketSeqpacketLocalActive,
  type SocketStreamLocalActive,
} from './classes.js';
import { streamDefaults } from './stream-defaults.js';

/** Options of {@link makeSocketPair}. */
export interface SocketPairOptions extends StreamDefaults {
  /** `'stream'` (default), `'datagram'` or `'seqpacket'`. */
  readonly type?: 'stream' | 'datagram' | 'seqpacket';
  /** Only `'default'` (protocol 0) exists for local sockets. */
  readonly protocol?: 'default';
}

/**
 * Two local sockets connected to each other.
 *
 * System call: `socketpair(2)` with `AF_UNIX`, `SOCK_NONBLOCK | SOCK_CLOEXEC`.
 *
 * @param options - `type`, and stream settings (`externalFormat`, buffer sizes)
 * @returns the two sockets
 * @throws {TypeError} for a bad type or protocol; {SocketError} `EMFILE`, …
 * @example
 * ```ts
 * const [a, b] = await makeSocketPair({ type: 'datagram' });
 * ```
 */
export function makeSocketPair(
  options: SocketPairOptions & { readonly type: 'datagram' },
): Promise<[SocketDatagramLocalActive, SocketDatagramLocalActive]>;
export function makeSocketPair(
  options: SocketPairOptions & { readonly type: 'seqpacket' },
): Promise<[SocketSeqpacketLocalActive, SocketSeqpacketLocalActive]>;
export function makeSocketPair(
  options?: SocketPairOptions & { readonly type?: 'stream' },
): Promise<[SocketStreamLocalActive, SocketStreamLocalActive]>;
export function makeSocketPair(
  options?: SocketPairOptions,
): Promise<
  | [SocketStreamLocalActive, SocketStreamLocalActive]
  | [SocketDatagramLocalActive, SocketDatagramLocalActive]
  | [SocketSeqpacketLocalActive, SocketSeqpacketLocalActive]
>;
export async function makeSocketPair(
  options: SocketPairOptions = {},
): Promise<
  [ActiveStreamSocket, ActiveStreamSocket] | [DatagramSocket, DatagramSocket] | [SocketSeqpacketLocalActive, SocketSeqpacketLocalActive]
> {
  await Promise.resolve();
  const type: unknown = options.type ?? 'stream';
  if (type !== 'stream' && type !== 'datagram' && type !== 'seqpacket')
    throw new TypeError(`makeSocketPair: type must be 'stream', 'datagram' or 'seqpacket', got ${String(type)}`);
  const protocol: unknown = options.protocol;
  if (protocol !== undefined && protocol !== 'default')
    throw new TypeError(`makeSocketPair: protocol must be 'default', got ${typeof protocol === 'string' ? protocol : typeof protocol}`);
  const [fd0, fd1] = openSocketPairFds(type);
  const cores = [new SocketCore(fd0, 'local', type), new SocketCore(fd1, 'local', type)] as const;
  const defaults = streamDefaults(options);
  // socketOf closes the core it fails on; the other end is closed here.
  let a: Socket;
  try {
    a = socketOf(cores[0], false, defaults);
  } catch (e) {
    cores[1].close();
    throw e;
  }
  try {
    return [a, socketOf(cores[1], false, defaults)] as
      | [ActiveStreamSocket, ActiveStreamSocket]
      | [DatagramSocket, DatagramSocket]
      | [SocketSeqpacketLocalActive, SocketSeqpacketLocalActive];
  } catch (e) {
    a.close();
    throw e;
  }
}
