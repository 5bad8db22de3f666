import { getEventListeners } from 'node:events';
import { closeSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  acceptConnection,
  connect,
  makeSocket,
  makeSocketPair,
  receiveFileDescriptor,
  receiveFrom,
  receiveMany,
  sendMany,
  sendTo,
} from '../../src/index.js';
import { expectNoFdLeak, fdCount, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

async function udpPair() {
  const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
  const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: a.localPort() }));
  return [a, b] as const;
}

/** A Unix datagram socket pair whose first end's send buffer is full. */
async function fullPair() {
  const [x, y] = await makeSocketPair({ type: 'datagram' });
  keep(x);
  keep(y);
  const chunk = Buffer.alloc(1024);
  for (;;) {
    try {
      await sendTo(x, chunk, { dontWait: true });
    } catch (e) {
      expect((e as { code?: string }).code).toBe('EAGAIN');
      return [x, y] as const;
    }
  }
}

describe('AbortSignal on waits', () => {
  it('receiveFrom: an abort rejects with the reason, and the socket still receives afterwards', async () => {
    const [a, b] = await udpPair();
    const ac = new AbortController();
    const pending = receiveFrom(a, { size: 16, signal: ac.signal });
    const reason = new Error('enough');
    ac.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await b.sendTo(Buffer.from('after'));
    const r = await receiveFrom(a, { size: 16 });
    expect(r.buffer.subarray(0, r.bytes).toString()).toBe('after');
  });

  it('receiveFrom: abort() without a reason rejects with the DOMException AbortError', async () => {
    const [a] = await udpPair();
    const ac = new AbortController();
    const pending = a.receiveFrom({ size: 4, signal: ac.signal });
    ac.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a reason that is not an Error is the rejection value as it is, as in Node', async () => {
    const [a] = await udpPair();
    const ac = new AbortController();
    const pending = a.receiveFrom({ size: 4, signal: ac.signal });
    ac.abort('stop');
    await expect(pending).rejects.toBe('stop');
  });

  it('an already-aborted signal rejects at once even when data is waiting, and the data stays', async () => {
    const [a, b] = await udpPair();
    await b.sendTo(Buffer.from('kept'));
    await nextImmediate();
    const reason = new Error('already');
    await expect(receiveFrom(a, { size: 8, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(receiveMany(a, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(sendTo(b, Buffer.from('x'), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(sendMany(b, [{ buffer: Buffer.from('x') }], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const r = await receiveFrom(a, { size: 8 });
    expect(r.buffer.subarray(0, r.bytes).toString()).toBe('kept');
  });

  it('sendTo and sendMany waiting for room: an abort rejects, the queue stays intact, later sends work', async () => {
    const [x, y] = await fullPair();
    const ac = new AbortController();
    const one = sendTo(x, Buffer.from('one'), { signal: ac.signal });
    const many = sendMany(x, [{ buffer: Buffer.from('two') }], { signal: ac.signal });
    ac.abort(new Error('no room'));
    await expect(one).rejects.toThrow('no room');
    await expect(many).rejects.toThrow('no room');
    // Drain what is queued: every datagram is one of the 1 KiB fillers; neither aborted send got through.
    let drained = 0;
    for (;;) {
      const r = await receiveFrom(y, { size: 2048, dontWait: true }).catch(() => undefined);
      if (r === undefined) break;
      expect(r.bytes).toBe(1024);
      drained++;
    }
    expect(drained).toBeGreaterThan(0);
    expect(await sendTo(x, Buffer.from('three'))).toBe(5);
    const r = await receiveFrom(y, { size: 8 });
    expect(r.buffer.subarray(0, r.bytes).toString()).toBe('three');
  });

  it('receiveMany: an abort rejects; a following receiveMany gets the next datagram', async () => {
    const [a, b] = await udpPair();
    const ac = new AbortController();
    const pending = receiveMany(a, { signal: ac.signal });
    ac.abort(new Error('later'));
    await expect(pending).rejects.toThrow('later');
    await b.sendTo(Buffer.from('next'));
    const got = await receiveMany(a, { count: 4 });
    expect(got.map((d) => d.buffer.toString())).toEqual(['next']);
  });

  it('acceptConnection: an abort rejects; the listener then accepts a Node client', async () => {
    const l = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const ac = new AbortController();
    const pending = acceptConnection(l, { signal: ac.signal });
    ac.abort(new Error('not now'));
    await expect(pending).rejects.toThrow('not now');
    await expect(acceptConnection(l, { signal: AbortSignal.abort(new Error('never')) })).rejects.toThrow('never');
    const client = netConnect(l.localPort(), '127.0.0.1');
    const c = (await acceptConnection(l))!;
    keep(c.socket);
    expect(c.port).toBe(client.localPort);
    client.destroy();
    await new Promise((r) => client.once('close', r));
  });

  it('connect: an abort of a connect that waits (full accept queue) rejects; an aborted signal rejects at once', async () => {
    // Backlog 0 and nobody accepting: once one connection waits in the queue, the kernel drops further SYNs.
    const l = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', backlog: 0 }));
    const port = l.localPort();
    keep(await makeSocket({ connect: 'active', remoteHost: '127.0.0.1', remotePort: port }));
    const s = keep(await makeSocket({ type: 'stream' }));
    const ac = new AbortController();
    const pending = connect(s, '127.0.0.1', { port, signal: ac.signal });
    await nextImmediate();
    ac.abort(new Error('give up'));
    await expect(pending).rejects.toThrow('give up');
    const t = keep(await makeSocket({ type: 'stream' }));
    await expect(connect(t, '127.0.0.1', { port, signal: AbortSignal.abort(new Error('no')) })).rejects.toThrow('no');
    // The listener still works: the queued connection is accepted.
    const c = (await acceptConnection(l))!;
    keep(c.socket);
    expect(c.host?.toString()).toBe('127.0.0.1');
  });

  it('receiveFileDescriptor: an abort rejects; an fd sent afterwards is received', async () => {
    const [x, y] = await makeSocketPair();
    keep(x);
    keep(y);
    const ac = new AbortController();
    const pending = receiveFileDescriptor(y, { signal: ac.signal });
    ac.abort(new Error('wait no more'));
    await expect(pending).rejects.toThrow('wait no more');
    await x.sendFileDescriptor(0);
    const fd = await receiveFileDescriptor(y);
    expect(fd).toBeGreaterThan(2);
    closeSync(fd);
  });

  it('a signal that is not an AbortSignal is a TypeError naming the operation', async () => {
    const [a] = await udpPair();
    const bad = { aborted: false } as unknown as AbortSignal;
    await expect(receiveFrom(a, { size: 1, signal: bad })).rejects.toMatchObject({
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'receiveFrom: signal must be an AbortSignal, got object',
    });
    await expect(sendTo(a, [1], { signal: bad })).rejects.toThrow('sendTo: signal must be an AbortSignal');
    await expect(receiveMany(a, { signal: bad })).rejects.toThrow('receiveMany: signal must be an AbortSignal');
  });

  it('many aborted waits leave no listener, waiter or fd behind', async () => {
    const [a, b] = await udpPair();
    const before = fdCount();
    const ac = new AbortController();
    for (let i = 0; i < 200; i++) {
      const one = new AbortController();
      const p = receiveFrom(a, { size: 4, signal: one.signal });
      one.abort(new Error('x'));
      await expect(p).rejects.toThrow('x');
    }
    // A long-lived signal that never aborts: completed waits must not accumulate abort listeners.
    for (let i = 0; i < 50; i++) {
      await b.sendTo(Buffer.from('n'));
      await receiveFrom(a, { size: 4, signal: ac.signal });
    }
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
    expect(fdCount()).toBe(before);
  });
});
