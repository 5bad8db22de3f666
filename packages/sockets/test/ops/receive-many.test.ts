import { describe, expect, it } from 'vitest';
import { makeSocket, makeSocketPair, receiveMany, sendTo } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../python-peer.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

/** CPython sends argv[2] datagrams "n<i>" of argv[3] bytes to 127.0.0.1:argv[1] from one socket, then prints its port. */
const BURST = `
import socket, sys
port, n, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
for i in range(n):
    s.sendto(('n%d' % i).encode().ljust(size, b'.'), ('127.0.0.1', port))
print(s.getsockname()[1])
`;

describe('receiveMany (recvmmsg)', () => {
  it('takes a burst from CPython in batches of at most count, in order, with the sender', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const peer = python(BURST, [a.localPort(), 50, 64]);
    const from = Number(await peer.line());
    expect((await peer.done()).code).toBe(0);
    const got: string[] = [];
    const sizes: number[] = [];
    while (got.length < 50) {
      const batch = await receiveMany(a, { count: 16 });
      sizes.push(batch.length);
      for (const d of batch) {
        expect(d.bytes).toBe(64);
        expect(d.buffer.length).toBe(64);
        expect(d.truncated).toBe(false);
        expect(String(d.host)).toBe('127.0.0.1');
        expect(d.port).toBe(from);
        got.push(d.buffer.toString().replace(/\.+$/, ''));
      }
    }
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
    // All 50 were queued before the first call: 16 + 16 + 16 + 2.
    expect(sizes).toEqual([16, 16, 16, 2]);
  });

  it('waits for the first datagram and returns what is there (at least one)', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const pending = a.receiveMany();
    const peer = python(BURST, [a.localPort(), 1, 5]);
    const got = await pending;
    expect(got.map((d) => d.buffer.toString())).toEqual(['n0...']);
    expect((await peer.done()).code).toBe(0);
  });

  it('marks a datagram longer than size as truncated and keeps size bytes', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const peer = python(BURST, [a.localPort(), 2, 100]);
    await peer.done();
    const got = await receiveMany(a, { count: 2, size: 10 });
    expect(got.map((d) => [d.bytes, d.truncated, d.buffer.toString()])).toEqual([
      [10, true, 'n0........'],
      [10, true, 'n1........'],
    ]);
  });

  it('Unix datagram socket pairs: the unnamed sender is the empty filename', async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    for (const t of ['a', 'bb', 'ccc']) await sendTo(x, Buffer.from(t));
    const got = await receiveMany(y, { count: 8 });
    expect(got.map((d) => [d.buffer.toString(), d.filename])).toEqual([
      ['a', ''],
      ['bb', ''],
      ['ccc', ''],
    ]);
  });

  it('bad input and closed sockets reject with errors that name the operation', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const s = keep(await makeSocket({ type: 'stream' }));
    await expect(receiveMany(s as never)).rejects.toThrow('receiveMany: works only on datagram and seqpacket sockets');
    await expect(receiveMany(a, { count: 0 })).rejects.toThrow('receiveMany: count 0 is not an integer in 1–1024');
    await expect(receiveMany(a, { count: 1025 })).rejects.toThrow(RangeError);
    await expect(receiveMany(a, { size: 1.5 })).rejects.toThrow('receiveMany: size 1.5 is not an integer');
    await expect(receiveMany({} as never)).rejects.toThrow('receiveMany: expected an iolib socket, got an object that is not one');
    const pending = receiveMany(a);
    a.close();
    await expect(pending).rejects.toMatchObject({ code: 'EBADF' });
    await expect(receiveMany(a)).rejects.toMatchObject({ code: 'EBADF' });
  });

  it('a connected socket whose peer is gone reports ECONNREFUSED', async () => {
    const gone = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
    const port = gone.localPort();
    gone.close();
    const b = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: port }));
    await b.sendTo(Buffer.from('anyone?'));
    await expect(receiveMany(b)).rejects.toMatchObject({ code: 'ECONNREFUSED', syscall: 'recvmmsg' });
  });
});
