import { describe, expect, it } from 'vitest';
import {
  SocketNotConnectedError,
  acceptConnection,
  localPort,
  makeSocket,
  makeSocketPair,
  receiveFrom,
  sendTo,
  shutdown,
  type ActiveStreamSocket,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

async function tcpPair(): Promise<[ActiveStreamSocket, ActiveStreamSocket]> {
  const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
  const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) }));
  const a = await acceptConnection(server);
  return [c, keep(a!.socket)];
}

describe('shutdown', () => {
  it('write: the peer reads end of stream, we can still read', async () => {
    const [c, s] = await tcpPair();
    expect(shutdown(c, { write: true })).toBe(c);
    expect((await receiveFrom(s, { size: 4 })).bytes).toBe(0);
    await sendTo(s, Buffer.from('late'));
    expect((await receiveFrom(c, { size: 4, waitAll: true })).buffer.toString()).toBe('late');
    await expect(sendTo(c, Buffer.from('x'))).rejects.toMatchObject({ code: 'EPIPE' });
  });

  it('read: further receives see end of stream', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    a.shutdown({ read: true });
    expect((await receiveFrom(a, { size: 4 })).bytes).toBe(0);
    await sendTo(a, Buffer.from('ok'));
    expect((await receiveFrom(b, { size: 2 })).bytes).toBe(2);
  });

  it('both directions', async () => {
    const [c, s] = await tcpPair();
    shutdown(c, { read: true, write: true });
    expect((await receiveFrom(s, { size: 1 })).bytes).toBe(0);
    await expect(sendTo(c, Buffer.from('x'))).rejects.toMatchObject({ code: 'EPIPE' });
  });

  it('neither direction is an error; an unconnected socket is SocketNotConnectedError', async () => {
    const [c] = await tcpPair();
    expect(() => shutdown(c, {})).toThrow('select at least one direction');
    const lone = keep(await makeSocket({}));
    expect(() => shutdown(lone, { write: true })).toThrow(SocketNotConnectedError);
  });

  it('end() on the Duplex half-closes the same way', async () => {
    const [c, s] = await tcpPair();
    c.end();
    expect((await s.receiveFrom({ size: 1 })).bytes).toBe(0);
  });
});

describe('send and receive flags', () => {
  it('outOfBand sends and receives urgent data', async () => {
    const [c, s] = await tcpPair();
    await c.sendTo(Buffer.from('n'));
    await c.sendTo(Buffer.from('U'), { outOfBand: true });
    expect((await s.receiveFrom({ size: 1, waitAll: true })).buffer.toString()).toBe('n');
    let oob = await s.receiveFrom({ size: 1, outOfBand: true, dontWait: true }).catch((e: unknown) => e);
    for (let i = 0; i < 50 && !(oob as { bytes?: number }).bytes; i++) {
      await new Promise((r) => setTimeout(r, 10));
      oob = await s.receiveFrom({ size: 1, outOfBand: true, dontWait: true }).catch((e: unknown) => e);
    }
    expect((oob as { buffer: Buffer }).buffer.toString()).toBe('U');
  });

  it('more, dontRoute and confirm are accepted by the kernel', async () => {
    const [c, s] = await tcpPair();
    expect(await c.sendTo(Buffer.from('ab'), { more: true })).toBe(2);
    expect(await c.sendTo(Buffer.from('cd'), { dontRoute: true })).toBe(2);
    const u = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    expect(await u.sendTo(Buffer.from('x'), { remoteHost: '127.0.0.1', remotePort: u.localPort(), confirm: true })).toBe(1);
    expect((await s.receiveFrom({ size: 4, waitAll: true })).buffer.toString()).toBe('abcd');
  });

  it('waitAll fills the whole range from several sends', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    const r = receiveFrom(b, { size: 6, waitAll: true });
    await sendTo(a, Buffer.from('abc'));
    setTimeout(() => void sendTo(a, Buffer.from('def')), 10);
    expect((await r).buffer.toString()).toBe('abcdef');
  });
});
