import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { makeSocket, makeSocketPair, receiveFrom, type MessageSender, type SocketDatagramLocalActive } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../python-peer.js';
import { catchingUncaught, closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

/** CPython sends argv[2] datagrams "n<i>" to 127.0.0.1:argv[1] from one socket, then prints its port. */
const BURST = `
import socket, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
for i in range(n):
    s.sendto(b'n%d' % i, ('127.0.0.1', port))
print(s.getsockname()[1])
`;

/** Collect `n` 'message' events. */
function collect(
  s: { on(e: 'message', f: (d: Buffer, from: MessageSender) => void): unknown },
  n: number,
): Promise<[string, MessageSender][]> {
  const got: [string, MessageSender][] = [];
  return new Promise((resolve) => {
    s.on('message', (d, from) => {
      got.push([d.toString(), from]);
      if (got.length === n) resolve(got);
    });
  });
}

describe("'message' events", () => {
  it('deliver a burst from CPython in order with the sender (batched under load)', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const collecting = collect(a, 200);
    const peer = python(BURST, [a.localPort(), 200]);
    const from = Number(await peer.line());
    const got = await collecting;
    expect(got.map(([t]) => t)).toEqual(Array.from({ length: 200 }, (_, i) => `n${i}`));
    for (const [, sender] of got) {
      expect(Object.keys(sender)).toEqual(['host', 'port']);
      expect(String((sender as { host: unknown }).host)).toBe('127.0.0.1');
      expect((sender as { port: number }).port).toBe(from);
    }
    expect((await peer.done()).code).toBe(0);
  });

  it('start with the first listener and stop with the last: datagrams then wait for receiveFrom', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: a.localPort() }));
    await b.sendTo(Buffer.from('one'));
    const first = await new Promise<string>((resolve) =>
      a.once('message', (d: Buffer) => {
        resolve(d.toString());
      }),
    );
    expect(first).toBe('one');
    expect(a.listenerCount('message')).toBe(0);
    await b.sendTo(Buffer.from('two'));
    await nextImmediate();
    await nextImmediate();
    const r = await receiveFrom(a, { size: 8 });
    expect(r.buffer.subarray(0, r.bytes).toString()).toBe('two');
    // Two listeners both get every datagram; removing one keeps the other receiving.
    const seen: string[] = [];
    const l1 = (d: Buffer): void => void seen.push(`1:${d.toString()}`);
    const l2 = (d: Buffer): void => void seen.push(`2:${d.toString()}`);
    a.on('message', l1).prependListener('message', l2);
    await b.sendTo(Buffer.from('three'));
    await new Promise((r2) => a.once('message', r2));
    a.off('message', l2);
    await b.sendTo(Buffer.from('four'));
    await new Promise((r2) => a.once('message', r2));
    a.removeAllListeners('message');
    expect(seen).toEqual(['2:three', '1:three', '1:four']);
  });

  it('Unix datagram pairs: the sender is { filename }', async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    const got = collect(y, 2);
    await x.sendTo(Buffer.from('p'));
    await x.sendTo(Buffer.from('q'));
    expect(await got).toEqual([
      ['p', { filename: '' }],
      ['q', { filename: '' }],
    ]);
  });

  it("Unix datagrams: an empty one is a message; one over 64 KiB is an EMSGSIZE 'error', never delivered cut", async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    y.setOption('receiveBuffer', 1 << 20);
    const seen: string[] = [];
    y.on('error', (e: NodeJS.ErrnoException) => seen.push(`error:${String(e.code)}:${String(e.syscall)}`));
    const got = collect(y, 2);
    await x.sendTo(Buffer.alloc(0));
    await x.sendTo(Buffer.alloc(100_000, 1));
    await x.sendTo(Buffer.from('after'));
    expect(await got).toEqual([
      ['', { filename: '' }],
      ['after', { filename: '' }],
    ]);
    expect(seen).toEqual(['error:EMSGSIZE:recvmsg']);
  });

  it("'error' for a refused peer, and receiving goes on; 'close' once after close", async () => {
    const gone = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
    const port = gone.localPort();
    gone.close();
    const b = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', remoteHost: '127.0.0.1', remotePort: port }));
    const error = new Promise<Error>((resolve) => b.once('error', resolve));
    b.on('message', () => undefined);
    await b.sendTo(Buffer.from('anyone?'));
    expect(await error).toMatchObject({ code: 'ECONNREFUSED', syscall: 'recvmsg' });
    // The refused port comes back: its datagrams reach the connected socket, which kept receiving.
    const back = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', localPort: port }));
    const msg = new Promise<string>((resolve) =>
      b.once('message', (d: Buffer) => {
        resolve(d.toString());
      }),
    );
    await back.sendTo(Buffer.from('still here'), { remoteHost: '127.0.0.1', remotePort: b.localPort() });
    expect(await msg).toBe('still here');
    let closes = 0;
    b.on('close', () => closes++);
    b.close();
    b.close();
    expect(closes).toBe(0);
    await nextImmediate();
    expect(closes).toBe(1);
  });

  it('a throwing listener reaches uncaughtException; the other datagrams are still delivered', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: a.localPort() }));
    await catchingUncaught(async (caught) => {
      const seen: string[] = [];
      const done = new Promise<void>((resolve) =>
        a.on('message', (d: Buffer) => {
          seen.push(d.toString());
          if (d.toString() === 'boom') throw new Error('listener failed');
          if (seen.length === 2) resolve();
        }),
      );
      await b.sendTo(Buffer.from('boom'));
      await b.sendTo(Buffer.from('fine'));
      await done;
      await nextImmediate();
      expect(seen).toEqual(['boom', 'fine']);
      expect(caught).toHaveLength(1);
      expect(String(caught[0])).toBe('Error: listener failed');
    });
  });
});

describe("'message' listeners, one or several", () => {
  async function localPair() {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    return [keep(a), keep(b)] as const;
  }

  it('once, on, a second listener and removals: each message reaches exactly the listeners present', async () => {
    const [a, b] = await localPair();
    const seen: string[] = [];
    const arrived = async (n: number): Promise<void> => {
      for (let i = 0; i < 1000 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 1));
    };
    a.once('message', (d: Buffer) => seen.push(`once:${d.toString()}`));
    const keepOn = (d: Buffer): void => void seen.push(`on:${d.toString()}`);
    await b.sendTo(Buffer.from('1'));
    await arrived(1);
    a.on('message', keepOn);
    await b.sendTo(Buffer.from('2'));
    await arrived(2);
    const also = function (this: unknown, d: Buffer): void {
      seen.push(`also:${d.toString()}:${this === a}`);
    };
    a.on('message', also);
    await b.sendTo(Buffer.from('3'));
    await arrived(4);
    a.off('message', keepOn);
    await b.sendTo(Buffer.from('4'));
    await arrived(5);
    expect(seen).toEqual(['once:1', 'on:2', 'on:3', 'also:3:true', 'also:4:true']);
    a.off('message', also);
    await b.sendTo(Buffer.from('5'));
    const got = await receiveFrom(a, { size: 8 });
    expect(got.buffer.toString('latin1', 0, got.bytes)).toBe('5');
  });

  it('removeAllListeners, with or without an event, stops receiving; a listener added afterwards receives again', async () => {
    const [a, b] = await localPair();
    for (const clear of [() => a.removeAllListeners(), () => a.removeAllListeners('message')]) {
      a.on('message', () => undefined);
      a.on('error', () => undefined);
      clear();
      await b.sendTo(Buffer.from('queued'));
      const got = await receiveFrom(a, { size: 16 });
      expect(got.buffer.toString('latin1', 0, got.bytes)).toBe('queued');
      const next = new Promise<string>((resolve) =>
        a.once('message', (d: Buffer) => {
          resolve(d.toString());
        }),
      );
      await b.sendTo(Buffer.from('again'));
      expect(await next).toBe('again');
    }
  });

  it("with captureRejections on, an async listener's rejection reaches 'error', as with emit", async () => {
    const before = EventEmitter.captureRejections;
    EventEmitter.captureRejections = true;
    let pair: readonly [SocketDatagramLocalActive, SocketDatagramLocalActive];
    try {
      pair = await localPair();
    } finally {
      EventEmitter.captureRejections = before;
    }
    const [a, b] = pair;
    const failed = new Promise<unknown>((resolve) => a.once('error', resolve));
    // An async listener on purpose: its rejection is what the emitter must capture.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    a.on('message', async (d: Buffer) => {
      throw new Error(`rejected ${d.toString()}`);
    });
    await b.sendTo(Buffer.from('x'));
    expect(String(await failed)).toBe('Error: rejected x');
  });
});

describe('async iteration', () => {
  it('yields a CPython burst in order (batched) and ends when the socket is closed', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const peer = python(BURST, [a.localPort(), 200]);
    const from = Number(await peer.line());
    const got: string[] = [];
    for await (const m of a) {
      expect(m.port).toBe(from);
      expect(m.bytes).toBe(m.buffer.length);
      got.push(m.buffer.toString());
      if (got.length === 200)
        setImmediate(() => {
          a.close();
        });
    }
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => `n${i}`));
    expect((await peer.done()).code).toBe(0);
  });

  it('a Unix datagram over 64 KiB ends the iteration with EMSGSIZE instead of a cut datagram', async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    await x.sendTo(Buffer.from('fits'));
    await x.sendTo(Buffer.alloc(100_000, 1));
    const got: string[] = [];
    const iterate = async (): Promise<void> => {
      for await (const m of y) got.push(m.buffer.toString());
    };
    await expect(iterate()).rejects.toMatchObject({ code: 'EMSGSIZE', syscall: 'recvmsg' });
    expect(got).toEqual(['fits']);
  });

  it('breaking out stops receiving: the next datagram waits for receiveFrom', async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    await x.sendTo(Buffer.from('first'));
    for await (const m of y) {
      expect(m.buffer.toString()).toBe('first');
      break;
    }
    await x.sendTo(Buffer.from('second'));
    const r = await y.receiveFrom({ size: 10 });
    expect(r.buffer.subarray(0, r.bytes).toString()).toBe('second');
  });
});
