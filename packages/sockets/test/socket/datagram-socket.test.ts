import { join } from 'node:path';
import { ensureAddress, parseAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import {
  SocketError,
  disconnect,
  localPort,
  makeSocket,
  makeSocketPair,
  receiveFrom,
  sendTo,
  type ReceiveResult,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();

describe('internet datagram sockets', () => {
  it.each([
    ['127.0.0.1', false],
    ['::1', true],
  ] as const)('exchange messages over %s and report the sender', async (host, ipv6) => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: host }));
    const b = keep(await makeSocket({ type: 'datagram', localHost: host, ipv6 }));
    const sent = await sendTo(b, Buffer.from('ping'), { remoteHost: host, remotePort: localPort(a) });
    expect(sent).toBe(4);
    const r = await receiveFrom(a, { size: 100 });
    expect(r.bytes).toBe(4);
    expect(r.buffer.length).toBe(100);
    expect(r.buffer.subarray(0, 4).toString()).toBe('ping');
    expect(r.buffer[4]).toBe(0);
    expect(String(r.host)).toBe(host);
    expect(r.port).toBe(localPort(b));
    await a.sendTo(Buffer.from('pong'), { remoteHost: r.host!, remotePort: r.port! });
    const back = await b.receiveFrom({ size: 10 });
    expect(back.buffer.subarray(0, back.bytes).toString()).toBe('pong');
  });

  it('connected sockets send without destination; disconnect dissolves that', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: localPort(a) }));
    expect(b.isSocketConnected()).toBe(true);
    await b.sendTo([1, 2, 3]);
    const r = await a.receiveFrom({ size: 3 });
    expect([...r.buffer]).toEqual([1, 2, 3]);
    disconnect(b);
    expect(b.isSocketConnected()).toBe(false);
    await expect(b.sendTo(Buffer.from('x'))).rejects.toMatchObject({ code: 'EDESTADDRREQ', syscall: 'send' });
  });

  it('peek leaves the message; dontWait rejects with EAGAIN when empty', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    await expect(a.receiveFrom({ size: 10, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
    const b = keep(await makeSocket({ type: 'datagram' }));
    await b.sendTo(Buffer.from('abc'), { remoteHost: parseAddress('127.0.0.1'), remotePort: localPort(a) });
    const p = await a.receiveFrom({ size: 10, peek: true });
    const q = await a.receiveFrom({ buffer: Buffer.alloc(10), start: 2, end: 5 });
    expect(p.buffer.subarray(0, 3).toString()).toBe('abc');
    expect(q.bytes).toBe(3);
    expect(q.buffer.subarray(2, 5).toString()).toBe('abc');
  });

  it('after receives that had to wait (a request/response rhythm), a burst still arrives whole and in order', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: localPort(a) }));
    // Three receives that find nothing on their first try: later ones wait without trying.
    for (const m of ['q1', 'q2', 'q3']) {
      const pending = a.receiveFrom({ size: 10 });
      await nextImmediate();
      await b.sendTo(Buffer.from(m));
      const r = await pending;
      expect(r.buffer.toString('latin1', 0, r.bytes)).toBe(m);
    }
    // dontWait never waits: EAGAIN at once on an empty socket.
    await expect(a.receiveFrom({ size: 10, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
    const burst = Array.from({ length: 20 }, (_, i) => `m${i}`);
    for (const m of burst) await b.sendTo(Buffer.from(m));
    const got: string[] = [];
    for (let i = 0; i < burst.length; i++) {
      const r = await a.receiveFrom({ size: 10 });
      got.push(r.buffer.toString('latin1', 0, r.bytes));
    }
    expect(got).toEqual(burst);
    await expect(a.receiveFrom({ size: 10, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
  });

  it('broadcast sets SO_BROADCAST', async () => {
    const s = keep(await makeSocket({ type: 'datagram', broadcast: true }));
    expect(s.getOption('broadcast')).toBe(true);
  });

  it('are async-iterable over messages, each in a buffer of its own size', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: localPort(a) }));
    for (const m of ['one', 'three', 'seventeen']) await b.sendTo(Buffer.from(m));
    const got: ReceiveResult[] = [];
    for await (const m of a) {
      got.push(m);
      if (got.length === 3) break;
    }
    expect(got.map((m) => m.buffer.toString())).toEqual(['one', 'three', 'seventeen']);
    expect(got.map((m) => m.bytes)).toEqual([3, 5, 9]);
    expect(got[0]!.port).toBe(b.localPort());
  });

  it('iteration ends when the socket is closed', async () => {
    const a = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
    const done = (async () => {
      let n = 0;
      for await (const _m of a) n++;
      return n;
    })();
    setTimeout(() => {
      a.close();
    }, 20);
    expect(await done).toBe(0);
  });
});

describe('local datagram sockets', () => {
  it('exchange messages between paths and report the sender filename', async () => {
    const pa = join(dir(), 'a');
    const pb = join(dir(), 'b');
    const a = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pa }));
    const b = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pb }));
    await b.sendTo(Buffer.from('hi'), { remoteFilename: pa });
    const r = await a.receiveFrom({ size: 10 });
    expect(r).toMatchObject({ bytes: 2, filename: pb });
    expect(r.host).toBeUndefined();
  });

  it('abstract names use their exact length: a name and its prefix are different sockets', async () => {
    const name = abstractName('dg');
    const full = ensureAddress(name, { family: 'local', abstract: true });
    const prefix = ensureAddress(name.slice(0, -1), { family: 'local', abstract: true });
    const a = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: full }));
    const p = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: prefix }));
    const c = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', remoteFilename: full }));
    await c.sendTo(Buffer.from('exact'));
    expect((await a.receiveFrom({ size: 10 })).bytes).toBe(5);
    await expect(p.receiveFrom({ size: 10, dontWait: true })).rejects.toBeInstanceOf(SocketError);
    expect(a.localName()).toMatchObject({ filename: name, abstract: true });
  });

  it('an unconnected send to nobody is ENOENT/ECONNREFUSED with the path', async () => {
    const s = keep(await makeSocket({ addressFamily: 'local', type: 'datagram' }));
    const path = join(dir(), 'nobody');
    await expect(s.sendTo(Buffer.from('x'), { remoteFilename: path })).rejects.toMatchObject({ code: 'ENOENT', syscall: 'sendto', path });
  });

  it('rejects internet destinations on local sockets and vice versa', async () => {
    const l = keep(await makeSocket({ addressFamily: 'local', type: 'datagram' }));
    await expect(l.sendTo(Buffer.from('x'), { remoteHost: '127.0.0.1', remotePort: 1 })).rejects.toThrow(TypeError);
    const i = keep(await makeSocket({ type: 'datagram' }));
    await expect(i.sendTo(Buffer.from('x'), { remoteFilename: '/tmp/x' })).rejects.toThrow(TypeError);
  });
});

describe('buffer arguments', () => {
  it.each([
    [{ start: -1 }, 'start -1 is outside the buffer (length 4)'],
    [{ end: 5 }, 'end 5 is outside the buffer (length 4)'],
    [{ start: 3, end: 2 }, 'end 2 is before start 3'],
    [{ start: 0.5 }, 'start 0.5 is outside'],
  ])('sendTo range %j is a RangeError', async (range, message) => {
    const s = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: 9 }));
    await expect(s.sendTo(Buffer.alloc(4), range)).rejects.toThrow(RangeError);
    await expect(s.sendTo(Buffer.alloc(4), range)).rejects.toThrow(message);
    await expect(s.receiveFrom({ buffer: Buffer.alloc(4), ...range })).rejects.toThrow(RangeError);
  });

  it('rejects non-octet arrays, strings, and a receive without buffer or size', async () => {
    const s = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: 9 }));
    await expect(s.sendTo([1, 256])).rejects.toThrow('buffer element 1 is 256, not an octet');
    await expect(s.sendTo('text' as unknown as Uint8Array)).rejects.toThrow(TypeError);
    await expect(s.receiveFrom({})).rejects.toThrow('give a buffer or a size');
  });

  it('sends a sub-range of a typed array', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: localPort(a) }));
    await b.sendTo(new Uint16Array([0x0201, 0x0403]), { start: 1, end: 3 });
    const r = await a.receiveFrom({ size: 8 });
    expect([...r.buffer.subarray(0, r.bytes)]).toEqual([2, 3]);
  });
});

describe('a plain sendTo (no options) on a full socket', () => {
  /** Send 1 KiB records with `dontWait` until the pair is full (EAGAIN from send(2)); returns how many fit. */
  async function fill(a: Awaited<ReturnType<typeof makeSocketPair>>[0], msg: Buffer): Promise<number> {
    for (let n = 0; ; n++) {
      const r = await a.sendTo(msg, { dontWait: true }).catch((e: unknown) => e);
      if (r instanceof SocketError) {
        expect(r).toMatchObject({ code: 'EAGAIN', syscall: 'send' });
        return n;
      }
    }
  }

  it('waits for room and then sends; a close while it waits rejects with EBADF', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const msg = Buffer.alloc(1024, 1);
    const filled = await fill(a, msg);
    expect(filled).toBeGreaterThan(0);
    let settled = false;
    const waiting = a.sendTo(msg).finally(() => {
      settled = true;
    });
    await nextImmediate();
    expect(settled).toBe(false);
    // The sender is writable again once most of what it queued is read.
    for (let i = 0; i < filled; i++) expect((await b.receiveFrom({ size: 2048 })).bytes).toBe(1024);
    await expect(waiting).resolves.toBe(1024);
    expect((await b.receiveFrom({ size: 2048 })).bytes).toBe(1024);
    await fill(a, msg);
    const stuck = a.sendTo(msg);
    a.close();
    await expect(stuck).rejects.toMatchObject({ code: 'EBADF' });
  });
});
