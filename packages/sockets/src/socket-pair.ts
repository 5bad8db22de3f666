/**
 * `makeSocketPair` (IOLib's `make-socket-pair`): two connected local sockets.
 */
import { SocketCore } from './core.js';
import { createActive, type StreamDefaults } from './construct.js';
import { socketError } from './errors.js';
import { sockTypeOf } from './create.js';
import { AF_UNIX, SOCK_CLOEXEC, SOCK_NONBLOCK, socketpair, sysClose, trySyscall } from './sys.js';
import type { ActiveStreamSocket, DatagramSocket } from './types.js';
import type { SocketStreamLocalActive, SocketDatagramLocalActive } from './classes.js';

/** Options of {@link makeSocketPair}. */
export interface SocketPairOptions extends StreamDefaults {
  /** `'stream'` (default) or `'datagram'`. */
  readonly type?: 'stream' | 'datagram';
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
export function makeSocketPair(options: SocketPairOptions & { readonly type: 'datagram' }): Promise<[SocketDatagramLocalActive, SocketDatagramLocalActive]>;
export function makeSocketPair(options?: SocketPairOptions & { readonly type?: 'stream' }): Promise<[SocketStreamLocalActive, SocketStreamLocalActive]>;
export function makeSocketPair(options?: SocketPairOptions): Promise<[SocketStreamLocalActive, SocketStreamLocalActive] | [SocketDatagramLocalActive, SocketDatagramLocalActive]>;
export async function makeSocketPair(options: SocketPairOptions = {}): Promise<[ActiveStreamSocket, ActiveStreamSocket] | [DatagramSocket, DatagramSocket]> {
  await Promise.resolve();
  const type: unknown = options.type ?? 'stream';
  if (type !== 'stream' && type !== 'datagram') throw new TypeError(`makeSocketPair: type must be 'stream' or 'datagram', got ${String(type)}`);
  const protocol: unknown = options.protocol;
  if (protocol !== undefined && protocol !== 'default') throw new TypeError(`makeSocketPair: protocol must be 'default', got ${typeof protocol === "string" ? protocol : typeof protocol}`);
  const sv = new Int32Array(2);
  const r = trySyscall(() => socketpair(AF_UNIX, sockTypeOf(type) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  if (r < 0) throw socketError('socketpair', -r, { detail: type });
  const cores = [new SocketCore(sv[0] ?? -1, 'local', type), new SocketCore(sv[1] ?? -1, 'local', type)] as const;
  const defaults: StreamDefaults = {
    ...(options.externalFormat === undefined ? {} : { externalFormat: options.externalFormat }),
    ...(options.inputBufferSize === undefined ? {} : { inputBufferSize: options.inputBufferSize }),
    ...(options.outputBufferSize === undefined ? {} : { outputBufferSize: options.outputBufferSize }),
  };
  try {
    const a = createActive(cores[0], defaults);
    try {
      return [a, createActive(cores[1], defaults)] as [ActiveStreamSocket, ActiveStreamSocket] | [DatagramSocket, DatagramSocket];
    } catch (e) {
      a.close();
      throw e;
    }
  } catch (e) {
    for (const c of cores) if (c.isOpen) sysClose(c.fd);
    throw e;
  }
}
