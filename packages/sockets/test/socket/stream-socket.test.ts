import { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { ensureAddress, type LocalAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import { acceptConnection, localPort, makeSocket, makeSocketPair, type ActiveStreamSocket, type PassiveSocket } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();

type Kind = 'ipv4' | 'ipv6' | 'path' | 'abstract';

async function connectedPair(kind: Kind): Promise<[ActiveStreamSocket, ActiveStreamSocket]> {
  let server: PassiveSocket;
  let client: Promise<ActiveStreamSocket>;
  if (kind === 'ipv4' || kind === 'ipv6') {
    const host = kind === 'ipv4' ? '127.0.0.1' : '::1';
    server = keep(await makeSocket({ connect: 'passive', localHost: host, localPort: 0 }));
    client = makeSocket({ remoteHost: host, remotePort: localPort(server) });
  } else {
    const name: string | LocalAddress =
      kind === 'path' ? join(dir(), abstractName('p')) : ensureAddress(abstractName('stream'), { family: 'local', abstract: true });
    server = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: name }));
    client = makeSocket({ addressFamily: 'local', remoteFilename: name });
  }
  const accepted = await acceptConnection(server);
  const c = keep(await client);
  return [c, keep(accepted!.socket)];
}

describe.each(['ipv4', 'ipv6', 'path', 'abstract'] as const)('active stream sockets over %s', (kind) => {
  it('are Duplex streams: write, data, end, half-close', async () => {
    const [c, s] = await connectedPair(kind);
    expect(c).toBeInstanceOf(Duplex);
    c.end('hello, ');
    const got: Buffer[] = [];
    for await (const chunk of s.iterator({ destroyOnReturn: false })) got.push(chunk as Buffer);
    expect(Buffer.concat(got).toString()).toBe('hello, ');
    // the server can still write after the client half-closed
    s.end('world');
    let reply = '';
    c.setEncoding('utf8');
    for await (const chunk of c) reply += chunk as string;
    expect(reply).toBe('world');
  });

  it('pipeline echoes a megabyte back byte for byte', async () => {
    const [c, s] = await connectedPair(kind);
    const echo = pipeline(s, s);
    const data = Buffer.alloc(1 << 20);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 8)) & 255;
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of c) received.push(chunk as Buffer);
    })();
    c.end(data);
    await reading;
    await echo;
    expect(Buffer.concat(received).equals(data)).toBe(true);
  });
});

describe('stream behaviour', () => {
  it('write() reports backpressure and completes partial writes', async () => {
    const [a, b] = await makeSocketPair({ outputBufferSize: 1024 });
    keep(a);
    keep(b);
    a.setOption('sendBuffer', 4096);
    const big = Buffer.alloc(4 << 20, 7);
    const ok = a.write(big);
    expect(ok).toBe(false);
    let total = 0;
    b.on('data', (d: Buffer) => {
      total += d.length;
    });
    await once(a, 'drain');
    a.end();
    await once(b, 'end');
    expect(total).toBe(big.length);
  });

  it('setEncoding and externalFormat decode text', async () => {
    const [a, b] = await makeSocketPair({ externalFormat: 'utf8' });
    keep(a);
    keep(b);
    a.end(Buffer.from('héllo ☃', 'utf8'));
    let text = '';
    for await (const chunk of b) text += chunk as string;
    expect(text).toBe('héllo ☃');
  });

  it('a peer reset surfaces as SocketConnectionResetError on read', async () => {
    const [c, s] = await connectedPair('ipv4');
    s.setOption('linger', { enabled: true, seconds: 0 });
    c.write('x');
    await once(s, 'readable');
    c.resume();
    s.close();
    const [err] = (await once(c, 'error')) as [NodeJS.ErrnoException];
    expect(err.name).toBe('SocketConnectionResetError');
    expect(err.code).toBe('ECONNRESET');
    expect(err.syscall).toBe('recv');
  });

  it('writing to a closed peer errors with EPIPE and never raises SIGPIPE', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    b.close();
    const failed = once(a, 'error');
    a.write(Buffer.alloc(100_000));
    const [err] = (await failed) as [NodeJS.ErrnoException];
    expect(err.code).toBe('EPIPE');
    expect(err.syscall).toBe('send');
  });

  it('close() destroys the stream, emits close, and is idempotent', async () => {
    const [a, b] = await makeSocketPair();
    keep(b);
    const closed = once(a, 'close');
    a.close();
    a.close();
    await closed;
    expect(a.destroyed).toBe(true);
    expect(a.isSocketOpen()).toBe(false);
    expect(a.socketOsFd()).toBe(null);
    const ended = once(b, 'end');
    b.resume();
    await ended;
  });

  it('in flowing mode, pause() inside a data handler, setEncoding and resume() keep every byte in order', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    const seen: (string | Buffer)[] = [];
    const next = (): Promise<unknown[]> => once(b, 'data');
    b.on('data', (d: string | Buffer) => seen.push(d));
    for (const m of ['one', 'two', 'three']) {
      const got = next();
      a.write(m);
      await got;
    }
    expect(b.readableDidRead).toBe(true);
    expect(seen.map(String)).toEqual(['one', 'two', 'three']);
    // Paused: later chunks wait in the stream's buffer, not in the kernel.
    b.pause();
    a.write('four');
    a.write('five');
    while (b.readableLength < 8) await nextImmediate();
    expect(seen).toHaveLength(3);
    b.setEncoding('utf8');
    const rest = once(b, 'end');
    b.resume();
    a.end('six');
    await rest;
    expect(seen.slice(0, 3).every((d) => Buffer.isBuffer(d))).toBe(true);
    expect(seen.slice(3).every((d) => typeof d === 'string')).toBe(true);
    expect(seen.join('')).toBe('onetwothreefourfivesix');
  });

  it('inputBufferSize bounds each chunk', async () => {
    const [a, b] = await makeSocketPair({ inputBufferSize: 100 });
    keep(a);
    keep(b);
    a.end(Buffer.alloc(1000, 1));
    const sizes: number[] = [];
    for await (const chunk of b) sizes.push((chunk as Buffer).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(1000);
  });
});
