import { parseAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import { makeSocket, makeSocketPair, receiveMany, sendMany } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../python-peer.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

/** CPython receives argv[1] datagrams, prints its port first, then each datagram as "<text> <sender port>". */
const SINK = `
import socket, sys
n = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
for i in range(n):
    data, addr = s.recvfrom(2048)
    print(data.decode(), addr[1], flush=True)
`;

describe('sendMany (sendmmsg)', () => {
  it('sends a batch to CPython in one call: all arrive in order from our port', async () => {
    const peer = python(SINK, [20]);
    const port = Number(await peer.line());
    const s = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const messages = Array.from({ length: 20 }, (_, i) => ({ buffer: Buffer.from(`m${i}`), remoteHost: '127.0.0.1', remotePort: port }));
    expect(await sendMany(s, messages)).toBe(20);
    const r = await peer.done();
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(messages.map((_, i) => `m${i} ${s.localPort()}`));
  });

  it('sends to several destinations in one call (address values and literals) and on a connected socket without any', async () => {
    const a = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const b = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const s = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const n = await s.sendMany([
      { buffer: Buffer.from('to a'), remoteHost: '127.0.0.1', remotePort: a.localPort() },
      { buffer: [116, 111, 32, 98], remoteHost: parseAddress('127.0.0.1'), remotePort: b.localPort() },
      { buffer: new Uint8Array([97, 50]), remoteHost: '127.0.0.1', remotePort: String(a.localPort()) },
    ]);
    expect(n).toBe(3);
    expect((await receiveMany(a)).map((d) => d.buffer.toString())).toEqual(['to a', 'a2']);
    expect((await receiveMany(b)).map((d) => d.buffer.toString())).toEqual(['to b']);
    const c = keep(await makeSocket({ type: 'datagram', remoteHost: '127.0.0.1', remotePort: b.localPort() }));
    expect(await c.sendMany([{ buffer: Buffer.from('x') }, { buffer: Buffer.from('y') }])).toBe(2);
    expect((await receiveMany(b)).map((d) => [d.buffer.toString(), d.port])).toEqual([
      ['x', c.localPort()],
      ['y', c.localPort()],
    ]);
  });

  it('on a full Unix datagram pair it sends what fits and waits only when nothing does', async () => {
    const [x, y] = await makeSocketPair({ type: 'datagram' });
    keep(x);
    keep(y);
    const big = Array.from({ length: 1024 }, () => ({ buffer: Buffer.alloc(4096) }));
    const first = await sendMany(x, big);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1024);
    const pending = sendMany(x, big.slice(first));
    let received = 0;
    while (received < first) received += (await receiveMany(y, { size: 4096 })).length;
    expect(await pending).toBeGreaterThan(0);
  });

  it('bad input rejects with errors that name the message and the option', async () => {
    const s = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1' }));
    const [u, v] = await makeSocketPair({ type: 'datagram' });
    keep(u);
    keep(v);
    const t = keep(await makeSocket({ type: 'stream' }));
    await expect(sendMany(t as never, [{ buffer: [1] }])).rejects.toThrow('sendMany: works only on datagram and seqpacket sockets');
    await expect(sendMany(s, [])).rejects.toThrow('sendMany: 0 messages; give 1–1024');
    await expect(sendMany(s, 'x' as never)).rejects.toThrow('sendMany: messages must be an array, got string');
    await expect(sendMany(s, [null as never])).rejects.toThrow('sendMany messages[0]: expected an object with a buffer, got null');
    await expect(sendMany(s, [{ buffer: [1], remoteHost: '127.0.0.1' }])).rejects.toThrow(
      'sendMany messages[0]: remoteHost given without remotePort',
    );
    await expect(sendMany(s, [{ buffer: [1] }, { buffer: [1], remotePort: 9 }])).rejects.toThrow(
      'sendMany messages[1]: remotePort given without remoteHost',
    );
    await expect(sendMany(s, [{ buffer: [1], remoteHost: '127.0.0.1', remotePort: 70000 }])).rejects.toThrow(
      'sendMany messages[0] remotePort: 70000 is outside 0–65535',
    );
    await expect(sendMany(s, [{ buffer: [1], remoteFilename: '/tmp/x' }])).rejects.toThrow(
      'sendMany messages[0]: remoteFilename does not apply to an internet socket',
    );
    await expect(sendMany(u, [{ buffer: [1], remoteHost: '::1', remotePort: 1 }])).rejects.toThrow('do not apply to a local socket');
    await expect(sendMany(s, [{ buffer: [1], remoteHost: '::1', remotePort: 1 }])).rejects.toThrow(
      'is an IPv6 address; this is an IPv4 socket',
    );
    await expect(sendMany(s, [{ buffer: [1] }])).rejects.toMatchObject({ code: 'EDESTADDRREQ', syscall: 'sendmmsg' });
    s.close();
    await expect(sendMany(s, [{ buffer: [1] }])).rejects.toMatchObject({ code: 'EBADF' });
  });
});
