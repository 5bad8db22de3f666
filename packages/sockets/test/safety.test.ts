import { describe, expect, it } from 'vitest';
import { makeSocket, makeSocketPair, receiveFrom, sendTo, SocketError } from '../src/index.js';
import { expectNoFdLeak, fdCount, nextImmediate } from '../../../test-support/index.js';
import { closeAfterEach, runFixture } from './support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('close', () => {
  it('rejects every pending operation with EBADF and is idempotent', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(b);
    const pending = [receiveFrom(a, { size: 10 }), a.receiveFrom({ size: 10 }), a.receiveFileDescriptor()];
    a.close();
    a.close();
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'EBADF' });
  });

  it('a closed socket never touches its old fd number, even when the number is reused', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(b);
    const oldFd = a.socketOsFd();
    a.close();
    // The kernel hands out the lowest free number: the next socket gets the old one.
    const [c, d] = await makeSocketPair({ type: 'datagram' });
    keep(c);
    keep(d);
    expect([c.socketOsFd(), d.socketOsFd()]).toContain(oldFd);
    await expect(sendTo(a, Buffer.from('stale'))).rejects.toMatchObject({ code: 'EBADF', syscall: 'sendTo' });
    await expect(c.receiveFrom({ size: 10, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
    await expect(d.receiveFrom({ size: 10, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(() => a.shutdown({ read: true })).toThrow(SocketError);
  });

  it('a pending connect rejects when the socket is closed', async () => {
    const s = await makeSocket({});
    // 192.0.2.0/24 is TEST-NET-1: a SYN there waits (or fails at once without a route).
    const p = s.connect('192.0.2.1', { port: 9 }).catch((e: unknown) => e);
    s.close();
    const e = await p;
    expect(e).toBeInstanceOf(SocketError);
  });

  it('withOpenSocket closes after the body', async () => {
    const before = fdCount();
    const { withOpenSocket } = await import('../src/index.js');
    await expect(
      withOpenSocket({ type: 'datagram' }, () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    expect(fdCount()).toBe(before);
  });
});

describe('process-level safety', () => {
  it('a garbage-collected open socket is closed with a process warning', async () => {
    const r = await runFixture('gc-child.ts', [], ['--expose-gc']);
    // Node prints process warnings to stderr too: that is the point.
    expect(r.stderr.match(/\[IOLIB_SOCKET_GC\] IolibSocketLeakWarning/g)).toHaveLength(3);
    const out = JSON.parse(r.stdout) as { made: number; sockets: number; during: number; after: number; warnings: string[] };
    expect(out.made).toBe(3);
    expect(out.sockets).toBe(3);
    expect(out.during).toBe(3);
    expect(out.after).toBe(0);
    expect(out.warnings).toHaveLength(3);
    for (const w of out.warnings)
      expect(w).toMatch(
        /^IolibSocketLeakWarning: an open (local stream|ipv4 datagram) socket \(fd \d+\) was garbage-collected; it has been closed/,
      );
  });

  it('writing to a closed peer raises no SIGPIPE (MSG_NOSIGNAL), only EPIPE', async () => {
    const r = await runFixture('sigpipe-child.ts');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 'EPIPE', signalled: false });
  });
});

describe('process liveness', () => {
  it('an idle socket that is not closed, or an unref’d one, lets the process exit', async () => {
    const r = await runFixture('idle-exit-child.ts');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('got 4; exiting with sockets still open\n');
  });
});
