/**
 * connect(2): connect to a peer, or (datagram) dissolve the association (IOLib's `connect`, `disconnect`).
 */
import type { Address } from '@iolib/address';
import { WRITABLE } from '@iolib/iomux';
import { checkSeconds } from '@iolib/syscalls/internal';
import { checkSignal, throwIfAborted } from '../core/abort.js';
import { describe, encodeAddress } from '../core/addressing.js';
import { socketError } from '../core/errors.js';
import { pollTimeout } from '../core/poll-timeout.js';
import { resolveHost, resolvePort, toLocalAddress } from '../core/resolve.js';
import type { SocketCore } from '../core/socket-core.js';
import { AF_UNSPEC, EAGAIN, EINPROGRESS, SOL_SOCKET, SO_ERROR, connect as sysConnect, getsockopt, trySyscall } from '../core/sys.js';
import type { ConnectOptions, FilenameDesignator, HostDesignator } from '../types.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connect `core`'s fd to a resolved address. Internal, shared with `makeSocket`.
 *
 * System calls: `connect(2)`, then on `EINPROGRESS` a wait for writability and
 * `getsockopt(SO_ERROR)`.
 */
export async function connectResolved(
  core: SocketCore,
  address: Address,
  port: number,
  wait: boolean,
  timeout: number | undefined,
  signal?: AbortSignal,
): Promise<void> {
  throwIfAborted(signal);
  const sa = encodeAddress(core.family, address, port, 'connect');
  const details = (fd: number) => describe(address, port, core.family === 'local', fd);
  const deadline = timeout === undefined ? Infinity : performance.now() + timeout * 1000;
  let backoff = 1;
  for (;;) {
    const fd = core.use('connect');
    const r = trySyscall(() => sysConnect(fd, sa, sa.length));
    if (r === 0) return;
    if (r === -EAGAIN && core.family === 'local') {
      // A full listen queue on a Unix socket: nothing to poll for, so retry after a pause.
      if (!wait) throw socketError('connect', EAGAIN, details(fd));
      const left = deadline - performance.now();
      if (left <= 0) throw pollTimeout(fd, 'output', timeout ?? 0);
      await sleep(Math.min(backoff, left));
      throwIfAborted(signal);
      backoff = Math.min(backoff * 2, 50);
      continue;
    }
    if (r !== -EINPROGRESS) throw socketError('connect', -r, details(fd));
    const done = finish(core, fd, details, deadline === Infinity ? undefined : Math.max(0, deadline - performance.now()) / 1000, signal);
    core.connecting = done;
    done.then(
      () => {
        if (core.connecting === done) core.connecting = undefined;
      },
      () => {
        if (core.connecting === done) core.connecting = undefined;
      },
    );
    if (wait) await done;
    return;
  }
}

async function finish(
  core: SocketCore,
  fd: number,
  details: (fd: number) => object,
  timeout: number | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  await core.wait(WRITABLE, 'connect', timeout, signal);
  const err = new Int32Array(1);
  const len = new Uint32Array([4]);
  const r = trySyscall(() => getsockopt(core.use('connect'), SOL_SOCKET, SO_ERROR, err, len));
  if (r < 0) throw socketError('getsockopt', -r, details(fd));
  const e = err[0] ?? 0;
  if (e !== 0) throw socketError('connect', e, details(fd));
}

/**
 * Resolve `address` for `core`'s family and connect to it. The public
 * `connect` (api) documents the behaviour.
 *
 * System calls: `connect(2)`; for a stream socket in progress, a wait for
 * writability and `getsockopt(SO_ERROR)`.
 *
 * @param core - the socket's core
 * @param address - internet: an address, literal or host name; local: a path or `LocalAddress`
 * @param options - `port`, `wait`, `timeout`
 * @throws {PollTimeoutError} when `timeout` expires; socket errors by errno; {TypeError}/{RangeError} for bad input
 *   (a timeout that is not a number is a `TypeError`; a negative, NaN or infinite one a `RangeError`)
 * @example
 * ```ts
 * await connect(core, '127.0.0.1', { port: 8080 });
 * ```
 */
export async function connect(core: SocketCore, address: HostDesignator | FilenameDesignator, options: ConnectOptions = {}): Promise<void> {
  core.use('connect');
  const timeout = options.timeout;
  const signal = checkSignal(options.signal, 'connect');
  if (timeout !== undefined) checkSeconds('connect', 'timeout', timeout);
  if (core.family === 'local') {
    if (options.port !== undefined) throw new TypeError('connect: port does not apply to a local socket');
    return connectResolved(core, toLocalAddress(address, 'connect'), 0, options.wait ?? true, timeout, signal);
  }
  const host = await resolveHost(address, core.family === 'ipv6', 'connect');
  const port = await resolvePort(options.port ?? 0, core.type === 'stream' ? 'tcp' : 'udp', 'connect port');
  return connectResolved(core, host, port, options.wait ?? true, timeout, signal);
}

/**
 * Dissolve a datagram socket's association with its peer.
 *
 * System call: `connect(2)` with `AF_UNSPEC`.
 *
 * @param core - the socket's core
 * @throws {TypeError} on a stream socket; {SocketError} `EBADF` when closed
 * @example
 * ```ts
 * disconnect(core);
 * ```
 */
export function disconnect(core: SocketCore): void {
  if (core.type !== 'datagram') throw new TypeError('disconnect: works only on datagram sockets');
  const fd = core.use('disconnect');
  const sa = Buffer.alloc(16);
  sa.writeUInt16LE(AF_UNSPEC, 0);
  const r = trySyscall(() => sysConnect(fd, sa, sa.length));
  if (r < 0) throw socketError('connect', -r, { fd, detail: 'AF_UNSPEC' });
}
