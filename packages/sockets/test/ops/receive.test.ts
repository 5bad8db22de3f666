import { describe, expect, it } from 'vitest';
import { localPort, makeSocket, makeSocketPair, receiveFrom, sendTo } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('receiveFrom with a size far above what arrives', () => {
  it('a 2 GiB size on UDP allocates for the 3-byte datagram, not 2 GiB', async () => {
    const u = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const v = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    await sendTo(v, Buffer.from('abc'), { remoteHost: '127.0.0.1', remotePort: localPort(u) });
    const r = await receiveFrom(u, { size: 2 ** 31 });
    expect(r.bytes).toBe(3);
    expect(r.buffer.length).toBe(3);
    expect(r.buffer.toString()).toBe('abc');
    expect(r.port).toBe(localPort(v));
  });

  it('a large size on a Unix datagram pair gets the whole 100 000-byte datagram, not truncated', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    a.setOption('sendBuffer', 1 << 20);
    const big = Buffer.alloc(100_000, 7);
    await sendTo(a, big);
    const r = await receiveFrom(b, { size: 2 ** 30 });
    expect(r.bytes).toBe(100_000);
    expect(r.buffer.equals(big)).toBe(true);
  });

  it('a large size on a stream allocates for what is queued; the rest of the stream is untouched', async () => {
    const [a, b] = await makeSocketPair({});
    keep(a);
    keep(b);
    await sendTo(a, Buffer.from('hello'));
    const r = await receiveFrom(b, { size: 2 ** 31 });
    expect(r.bytes).toBe(5);
    expect(r.buffer.length).toBe(5);
    expect(r.buffer.toString()).toBe('hello');
  });

  it('waits first when nothing is queued, then allocates for what came', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const pending = receiveFrom(b, { size: 2 ** 31 });
    setTimeout(() => void sendTo(a, Buffer.from('later')), 5);
    const r = await pending;
    expect(r.buffer.toString()).toBe('later');
  });

  it('an empty datagram is 0 bytes in a 0-byte buffer', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    await sendTo(a, Buffer.alloc(0));
    const r = await receiveFrom(b, { size: 2 ** 31 });
    expect(r.bytes).toBe(0);
    expect(r.buffer.length).toBe(0);
  });

  it('a stream at end of file reads 0 bytes', async () => {
    const [a, b] = await makeSocketPair({});
    keep(b);
    a.close();
    const r = await receiveFrom(b, { size: 2 ** 31 });
    expect(r.bytes).toBe(0);
  });

  it('size must be a non-negative safe integer', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    await expect(receiveFrom(b, { size: 2 ** 53 })).rejects.toThrow(/receiveFrom: size 9007199254740992 is not a non-negative integer/);
    await expect(receiveFrom(b, { size: -1 })).rejects.toThrow(RangeError);
  });
});
