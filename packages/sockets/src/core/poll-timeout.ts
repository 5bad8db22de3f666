/**
 * The timeout error of waits: iomux's `PollTimeoutError` (IOLib's `poll-timeout`).
 */
import { PollTimeoutError } from '@iolib/iomux';

/**
 * A `PollTimeoutError` for a wait on `fd`.
 *
 * @param fd - the fd waited on
 * @param eventType - `'input'` or `'output'`
 * @param timeout - the seconds waited
 * @returns the error (not thrown)
 * @example
 * ```ts
 * pollTimeout(5, 'output', 0.5).code; // 'ETIMEDOUT'
 * ```
 */
export function pollTimeout(fd: number, eventType: 'input' | 'output', timeout: number): PollTimeoutError {
  return new PollTimeoutError(fd, eventType, timeout);
}
