/**
 * accept4(2): take one connection from a listening socket's queue. Returns
 * the raw fd and the peer's name; the socket layer wraps them in a socket
 * object of the listener's family (IOLib's `accept-connection`).
 */
import { PollTimeoutError, READABLE } from '@iolib/iomux';
import { checkSeconds } from '@iolib/syscalls/internal';
import { checkSignal, throwIfAborted } from '../core/abort.js';
import { SOCKADDR_STORAGE, decodeName } from '../core/addressing.js';
import { socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import { E, EAGAIN, SOCK_CLOEXEC, SOCK_NONBLOCK, accept4, sysClose, trySyscall } from '../core/sys.js';
import type { AcceptOptions, DecodedName } from '../types.js';

const ECONNABORTED = E.ECONNABORTED ?? 103;

/** A connection taken from the queue: its new fd (non-blocking, close-on-exec) and the peer's name. */
export interface AcceptedFd {
  readonly fd: number;
  readonly peer: DecodedName;
}

/**
 * Accept one connection, waiting for readability only when nothing is
 * pending. The public `acceptConnection` (api) documents the behaviour.
 *
 * System call: `accept4(2)` with `SOCK_NONBLOCK | SOCK_CLOEXEC`.
 *
 * @param core - the listening socket's core
 * @param options - `wait` (default true), `timeout` seconds, `signal`
 * @returns the new fd and its peer, or `null` when nothing is pending and `wait` is false, or the timeout expired
 * @throws {SocketError} `EBADF` when closed (also while waiting); kernel errors as socket errors
 * @throws {TypeError} for a timeout that is not a number; {RangeError} for a negative, NaN or infinite one
 * @example
 * ```ts
 * const c = await acceptFd(core, { timeout: 5 });
 * ```
 */
export async function acceptFd(core: SocketCore, options: AcceptOptions = {}): Promise<AcceptedFd | null> {
  const wait = options.wait ?? true;
  const timeout = options.timeout;
  const signal = checkSignal(options.signal, 'acceptConnection');
  throwIfAborted(signal);
  if (timeout !== undefined) checkSeconds('acceptConnection', 'timeout', timeout);
  const deadline = timeout === undefined ? Infinity : performance.now() + timeout * 1000;
  const peer = Buffer.alloc(SOCKADDR_STORAGE);
  const len = new Uint32Array(1);
  for (;;) {
    const fd = core.use('acceptConnection');
    len[0] = SOCKADDR_STORAGE;
    const r = trySyscall(() => accept4(fd, peer, len, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (r >= 0) {
      try {
        return { fd: r, peer: decodeName(peer, Math.min(len[0], SOCKADDR_STORAGE)) };
      } catch (e) {
        sysClose(r);
        throw e;
      }
    }
    if (r === -ECONNABORTED) continue;
    if (r !== -EAGAIN) throw socketError('accept4', -r, { fd });
    if (!wait) return null;
    const left = deadline - performance.now();
    if (left <= 0) return null;
    try {
      await core.wait(READABLE, 'acceptConnection', deadline === Infinity ? undefined : left / 1000, signal);
    } catch (e) {
      if (e instanceof PollTimeoutError) return null;
      throw e;
    }
  }
}
