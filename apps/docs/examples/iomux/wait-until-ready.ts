/**
 * Wait for an fd to become readable without blocking Node's thread, IOLib's
 * `wait-until-fd-ready`: a timeout resolves both false (or rejects with
 * `PollTimeoutError` when asked to), and a closed fd rejects with `PollError`.
 */
import { PollError, PollTimeoutError, isFdReadable, isFdWritable, syscalls, waitUntilFdReady } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const { AF_UNIX, SOCK_STREAM, SOCK_NONBLOCK, SOCK_CLOEXEC, socketpair, send, close, syscall } = syscalls;
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  const [a, b] = [sv[0]!, sv[1]!];
  let result: Record<string, unknown>;
  try {
    const quiet = await waitUntilFdReady(a, 'input', 0.05);
    const timedOut = await waitUntilFdReady(a, 'input', 0.05, true).catch((e: unknown) => e instanceof PollTimeoutError);
    setTimeout(() => send(b, Buffer.from('hi'), 2, 0), 10);
    const ready = await waitUntilFdReady(a, 'input');
    result = { quiet, timedOut, ready, readableNow: isFdReadable(a), writableNow: isFdWritable(a) };
  } finally {
    close(a);
    close(b);
  }
  // The fd is closed now: waiting on it rejects with PollError (POLLNVAL).
  const closed = await waitUntilFdReady(a, 'input').catch((e: unknown) => e);
  return { ...result, closedFd: closed instanceof PollError ? closed.identifier : 'no error' };
}
