/** Real-fd fixtures for the iomux tests (pipes, Unix socketpairs), and the leak check around their suites. */
import { expect } from 'vitest';
import {
  AF_UNIX,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  close,
  pipe2,
  read,
  socketpair,
  syscall,
  trySyscall,
  write,
} from '@iolib/syscalls';
import { expectNoFdLeak } from '../../../test-support/index.js';
import type { IoStatus } from '../src/index.js';
import { polledFdCount } from '../src/poll-slot.js';

/** One handler call as recorded by the tests: (fd, event type, status). */
export type Call = [number, string, IoStatus];

/** Check around the calling suite that, two loop turns after it, no fd is polled and no fd leaked. */
export function expectIomuxCleanup(): void {
  expectNoFdLeak(async () => {
    await turns(2);
    expect(polledFdCount()).toBe(0);
  });
}

/** A non-blocking close-on-exec pipe: [read end, write end]. */
export function makePipe(): [number, number] {
  const p = new Int32Array(2);
  syscall('pipe2', () => pipe2(p, SOCK_NONBLOCK | SOCK_CLOEXEC));
  return [p[0]!, p[1]!];
}

/** A non-blocking Unix socketpair. */
export function makePair(type: 'stream' | 'datagram' = 'stream'): [number, number] {
  const sv = new Int32Array(2);
  const t = (type === 'stream' ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC;
  syscall('socketpair', () => socketpair(AF_UNIX, t, 0, sv));
  return [sv[0]!, sv[1]!];
}

/** Write some bytes (default one). */
export function put(fd: number, text = 'x'): number {
  const b = Buffer.from(text);
  return syscall('write', () => write(fd, b, b.length));
}

/** Read what is there: the text, or null on EAGAIN. */
export function take(fd: number): string | null {
  const b = Buffer.alloc(4096);
  const n = trySyscall(() => read(fd, b, b.length));
  return n < 0 ? null : b.toString('latin1', 0, n);
}

/** Close fds. */
export function closeAll(...fds: number[]): void {
  for (const fd of fds) syscall('close', () => close(fd));
}

/** Let the event loop run `n` full turns (I/O polls included). */
export async function turns(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setTimeout(resolve, 1));
}
