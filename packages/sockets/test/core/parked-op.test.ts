/**
 * ParkedOp, the base of the operations that park themselves on their socket:
 * the fast path, the retry from the poll callback, aborts, failures and close,
 * on a real Unix datagram socket pair (a minimal operation: one recv(2)).
 */
import { READABLE } from '@iolib/iomux';
import { describe, expect, it } from 'vitest';
import { CORE } from '../../src/core/handle.js';
import { ParkedOp } from '../../src/core/parked-op.js';
import type { SocketCore } from '../../src/core/socket-core.js';
import { EAGAIN, errno, recv } from '../../src/core/sys.js';
import { makeSocketPair, sendTo, type SocketDatagramLocalActive } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

/** One recv of up to 16 bytes: the text, or `undefined` on EAGAIN; counts its tries. */
class Recv extends ParkedOp<string> {
  tries = 0;
  readonly buffer = Buffer.alloc(16);

  constructor(core: SocketCore, signal?: AbortSignal) {
    super(core, 'testRecv', READABLE, signal);
  }

  attempt(): string | undefined {
    this.tries++;
    const n = recv(this.core.use('testRecv'), this.buffer, 16, 0);
    if (n >= 0) return this.buffer.toString('latin1', 0, n);
    if (errno() === EAGAIN) return undefined;
    throw new Error(`recv failed: errno ${errno()}`);
  }
}

/** An operation whose retry throws what `failWith` gives it. */
class Failing extends Recv {
  constructor(
    core: SocketCore,
    readonly failWith: unknown,
  ) {
    super(core);
  }

  override attempt(): string | undefined {
    if (this.tries++ === 0) return undefined;
    throw this.failWith;
  }
}

async function pair(): Promise<[SocketDatagramLocalActive, SocketDatagramLocalActive]> {
  const [a, b] = await makeSocketPair({ type: 'datagram' });
  return [keep(a), keep(b)] as [SocketDatagramLocalActive, SocketDatagramLocalActive];
}

describe('ParkedOp', () => {
  it('begin takes data that is there in one try, without parking', async () => {
    const [a, b] = await pair();
    await sendTo(b, Buffer.from('ready'));
    const op = new Recv(a[CORE]);
    await expect(op.begin()).resolves.toBe('ready');
    expect(op.tries).toBe(1);
    expect(op.settle).toBeUndefined();
  });

  it('parks on EAGAIN and completes from the poll callback when data arrives', async () => {
    const [a, b] = await pair();
    const op = new Recv(a[CORE]);
    const got = op.begin();
    expect(op.tries).toBe(1);
    await nextImmediate();
    expect(op.tries).toBe(1);
    await sendTo(b, Buffer.from('late'));
    await expect(got).resolves.toBe('late');
    expect(op.tries).toBe(2);
  });

  it('an already-aborted signal rejects with its reason without a try', async () => {
    const [a, b] = await pair();
    await sendTo(b, Buffer.from('kept'));
    const reason = new Error('stop');
    const op = new Recv(a[CORE], AbortSignal.abort(reason));
    await expect(op.begin()).rejects.toBe(reason);
    expect(op.tries).toBe(0);
    // The datagram is still there for the next receive.
    await expect(new Recv(a[CORE]).begin()).resolves.toBe('kept');
  });

  it("an abort while parked rejects with the signal's reason and takes the operation back", async () => {
    const [a, b] = await pair();
    const ac = new AbortController();
    const op = new Recv(a[CORE], ac.signal);
    const got = op.begin();
    ac.abort();
    await expect(got).rejects.toBe(ac.signal.reason);
    expect((ac.signal.reason as Error).name).toBe('AbortError');
    await sendTo(b, Buffer.from('after'));
    await expect(new Recv(a[CORE]).begin()).resolves.toBe('after');
    expect(op.tries).toBe(1);
  });

  it('a retry that throws rejects with the error; a non-Error is wrapped', async () => {
    const [a, b] = await pair();
    const boom = new Error('boom');
    const first = new Failing(a[CORE], boom).begin();
    await sendTo(b, Buffer.from('x'));
    await expect(first).rejects.toBe(boom);
    const second = new Failing(a[CORE], 'text').begin();
    await sendTo(b, Buffer.from('y'));
    const e = await second.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toBe('text');
  });

  it('a socket closed while the operation waits rejects it with EBADF naming the operation', async () => {
    const [a] = await pair();
    const got = new Recv(a[CORE]).begin();
    a.close();
    await expect(got).rejects.toMatchObject({ code: 'EBADF', syscall: 'testRecv' });
  });
});
