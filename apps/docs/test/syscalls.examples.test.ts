import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EAGAIN } from '@iolib/syscalls';
import passFd from '../examples/syscalls/pass-fd.js';
import socketpairRoundTrip from '../examples/syscalls/socketpair-round-trip.js';

const fdCount = (): number => readdirSync('/proc/self/fd').length;
let fdsBefore = 0;
beforeAll(() => {
  fdsBefore = fdCount();
});
afterAll(() => {
  expect(fdCount()).toBe(fdsBefore);
});

describe('syscalls examples', () => {
  it('socketpair-round-trip: EAGAIN as -errno and as SyscallError, one round trip, then EOF', async () => {
    expect(await socketpairRoundTrip()).toEqual({
      wouldBlock: 'EAGAIN',
      thrown: { code: 'EAGAIN', errno: EAGAIN, syscall: 'recv' },
      sent: 4,
      request: 'ping',
      reply: 'pong',
      eof: 0,
    });
  });

  it('pass-fd: an open pipe crosses the socket pair as a new close-on-exec fd', async () => {
    expect(await passFd()).toEqual({
      sent: 1,
      received: 1,
      controlMessages: 1,
      fdsReceived: 1,
      newNumber: true,
      closeOnExec: true,
      read: 'through a passed fd',
    });
  });
});
