/**
 * IOLib's `poll-error` and `poll-timeout` conditions. Both survive duplicate
 * installs of this package: `instanceof` checks a `Symbol.for` brand.
 */
import { brandClass } from '@iolib/address/internal';

/**
 * Readiness polling reported an error condition on an fd (IOLib's `poll-error`):
 * `identifier` is `'POLLNVAL'` (not an open fd; `code` is then `'EBADF'`) or
 * `'POLLERR'` (an error is pending on the fd: for a socket, read it with
 * `getsockopt(SO_ERROR)` or by retrying the operation).
 *
 * @example
 * ```ts
 * try { await waitUntilFdReady(fd, 'input') } catch (e) {
 *   if (e instanceof PollError && e.identifier === 'POLLNVAL') console.log('fd', e.fd, 'is closed');
 * }
 * ```
 */
export class PollError extends Error {
  /** The fd that was polled. */
  readonly fd: number;
  /** Which condition: `'POLLERR'` or `'POLLNVAL'`. */
  readonly identifier: 'POLLERR' | 'POLLNVAL';
  /** `'EBADF'` for `POLLNVAL`, absent for `POLLERR`. */
  readonly code?: 'EBADF';

  /**
   * @param fd - the fd that was polled
   * @param identifier - `'POLLERR'` or `'POLLNVAL'`
   * @param message - overrides the default message
   */
  constructor(fd: number, identifier: 'POLLERR' | 'POLLNVAL', message?: string) {
    super(
      message ??
        (identifier === 'POLLNVAL'
          ? `Invalid file descriptor: ${fd} (POLLNVAL)`
          : `Error condition pending on file descriptor ${fd} (POLLERR)`),
    );
    this.name = 'PollError';
    this.fd = fd;
    this.identifier = identifier;
    if (identifier === 'POLLNVAL') this.code = 'EBADF';
  }
}
brandClass(PollError, 'PollError');

/**
 * Waiting for readiness timed out and the caller asked for an error (IOLib's
 * `poll-timeout`, there a plain condition; here an `Error` with `code` `'ETIMEDOUT'`).
 *
 * @example
 * ```ts
 * await waitUntilFdReady(fd, 'input', 0.5, true).catch((e) => {
 *   if (e instanceof PollTimeoutError) console.log(e.fd, e.eventType, e.timeout);
 * });
 * ```
 */
export class PollTimeoutError extends Error {
  /** The fd that was polled. */
  readonly fd: number;
  /** What was waited for. */
  readonly eventType: 'input' | 'output' | 'io';
  /** The timeout that elapsed, in seconds. */
  readonly timeout: number;
  /** Always `'ETIMEDOUT'`, like Node's timeout errors. */
  readonly code = 'ETIMEDOUT';

  /**
   * @param fd - the fd that was polled
   * @param eventType - what was waited for
   * @param timeout - seconds waited
   */
  constructor(fd: number, eventType: 'input' | 'output' | 'io', timeout: number) {
    super(`Timed out after ${timeout} s waiting for ${eventType} on file descriptor ${fd}`);
    this.name = 'PollTimeoutError';
    this.fd = fd;
    this.eventType = eventType;
    this.timeout = timeout;
  }
}
brandClass(PollTimeoutError, 'PollTimeoutError');
