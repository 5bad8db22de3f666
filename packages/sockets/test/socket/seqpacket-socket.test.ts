import { EventEmitter } from 'node:events';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  ActiveSocket,
  DatagramSocket,
  InternetSocket,
  LocalSocket,
  PassiveSocket,
  SeqpacketSocket,
  Socket,
  SocketSeqpacketLocalActive,
  SocketSeqpacketLocalPassive,
  StreamSocket,
  acceptConnection,
  makeSocket,
  makeSocketFromFd,
  makeSocketPair,
  peerCredentials,
  receiveMessage,
  socketType,
  type MessageSender,
  type ReceiveMessageResult,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../peer-process.js';
import { closeAfterEach, runFixture, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();
const ALL = { Socket, StreamSocket, DatagramSocket, SeqpacketSocket, InternetSocket, LocalSocket, ActiveSocket, PassiveSocket } as const;

function text(r: { buffer: Buffer; bytes: number }): string {
  return r.buffer.toString('utf8', 0, r.bytes);
}

describe('SOCK_SEQPACKET local sockets', () => {
  it('classes: active and passive seqpacket sockets in the instanceof lattice; socketType says seqpacket', async () => {
    const path = join(dir(), 'classes.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path }));
    const client = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', remoteFilename: path }));
    const conn = keep((await acceptConnection(server, { timeout: 5 }))!.socket);
    const [p, q] = await makeSocketPair({ type: 'seqpacket' });
    keep(p);
    keep(q);
    for (const [s, cls, supers] of [
      [server, SocketSeqpacketLocalPassive, ['Socket', 'SeqpacketSocket', 'LocalSocket', 'PassiveSocket']],
      [client, SocketSeqpacketLocalActive, ['Socket', 'SeqpacketSocket', 'LocalSocket', 'ActiveSocket']],
      [conn, SocketSeqpacketLocalActive, ['Socket', 'SeqpacketSocket', 'LocalSocket', 'ActiveSocket']],
      [p, SocketSeqpacketLocalActive, ['Socket', 'SeqpacketSocket', 'LocalSocket', 'ActiveSocket']],
    ] as const) {
      expect(s).toBeInstanceOf(cls);
      for (const [name, c] of Object.entries(ALL)) expect(s instanceof c, name).toBe((supers as readonly string[]).includes(name));
      expect(s instanceof Duplex).toBe(false);
      // Active seqpacket sockets have 'message' events; listeners do not.
      expect(s instanceof EventEmitter).toBe(s !== server);
      expect([socketType(s), s.socketType()]).toEqual(['seqpacket', 'seqpacket']);
    }
  });

  it('keeps record boundaries: three sends, three receives; a short buffer truncates one record', async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(a);
    keep(b);
    for (const r of ['one', 'two two', 'three three three']) await a.sendTo(Buffer.from(r));
    expect(text(await b.receiveFrom({ size: 64 }))).toBe('one');
    expect(text(await b.receiveFrom({ size: 64 }))).toBe('two two');
    const short = await receiveMessage(b, { size: 5 });
    expect([short.bytes, short.buffers[0]!.toString(), short.truncated]).toEqual([5, 'three', true]);
    await a.sendTo(Buffer.from('next'));
    expect(text(await b.receiveFrom({ size: 64 }))).toBe('next');
  });

  it("our client against CPython's seqpacket server: each record arrives alone, each answer too", async () => {
    const path = join(dir(), 'py-echo.sock');
    const peer = python('unix_peer.py', ['seqpacket-echo', path]);
    await peer.ready;
    const c = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', remoteFilename: path }));
    for (const r of ['a', 'bb', 'ccc']) await c.sendTo(Buffer.from(r));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(text(await c.receiveFrom({ size: 64 })));
    c.shutdown({ write: true });
    expect(answers).toEqual(['1:a', '2:bb', '3:ccc']);
    expect(await peer.done).toEqual([{ records: [1, 2, 3] }]);
  });

  it("CPython's client against our server: iteration yields its records until it shuts down", async () => {
    const path = join(dir(), 'py-send.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path }));
    const peer = python('unix_peer.py', ['seqpacket-send', path, 'first', 'second record', 'x']);
    const conn = keep((await server.acceptConnection({ timeout: 10 }))!.socket);
    const seen: string[] = [];
    for await (const r of conn as AsyncIterable<ReceiveMessageResult>) {
      const record = r.buffers[0]!.toString();
      seen.push(record);
      await conn.sendTo(Buffer.from(`${record.length}:${record}`));
    }
    conn.close();
    expect(seen).toEqual(['first', 'second record', 'x']);
    expect(await peer.done).toEqual([{ back: ['5:first', '13:second record', '1:x'] }]);
  });

  it('fds and credentials travel with a record; the listener knows its peer', async () => {
    const path = join(dir(), 'fds.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path }));
    const client = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', remoteFilename: path }));
    const conn = keep((await acceptConnection(server))!.socket);
    expect(peerCredentials(conn)).toEqual({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!() });
    const file = join(dir(), 'through-seqpacket');
    const fd = openSync(file, 'w');
    await client.sendMessage({ buffers: Buffer.from('take this'), fds: [fd], credentials: true });
    closeSync(fd);
    const r = await conn.receiveMessage({ size: 16, credentials: true });
    writeSync(r.fds[0]!, 'written by the receiver');
    closeSync(r.fds[0]!);
    expect([r.buffers[0]!.toString('utf8', 0, r.bytes), r.credentials?.pid, readFileSync(file, 'utf8')]).toEqual([
      'take this',
      process.pid,
      'written by the receiver',
    ]);
    await client.sendFileDescriptor(0);
    const again = await conn.receiveFileDescriptor();
    expect(again).toBeGreaterThan(2);
    closeSync(again);
  });

  it('makeSocketFromFd recognises seqpacket fds, listening or not', async () => {
    const path = join(dir(), 'fromfd.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path }));
    const copy = keep(await makeSocketFromFd(server.socketOsFd()!));
    expect(copy).toBeInstanceOf(SocketSeqpacketLocalPassive);
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(a);
    keep(b);
    const other = keep(await makeSocketFromFd(a.socketOsFd()!));
    if (!(other instanceof SocketSeqpacketLocalActive)) throw new Error(`a ${other.constructor.name}`);
    await other.sendTo(Buffer.from('via the copy'));
    expect(text(await b.receiveFrom({ size: 32 }))).toBe('via the copy');
  });

  it('bad input: seqpacket on an internet socket, a passive socket that sends', async () => {
    await expect(makeSocket({ type: 'seqpacket' })).rejects.toThrow(
      "makeSocket: seqpacket sockets are local only (addressFamily: 'local')",
    );
    await expect(makeSocketPair({ type: 'raw' as never })).rejects.toThrow(
      "makeSocketPair: type must be 'stream', 'datagram' or 'seqpacket', got raw",
    );
    await expect(
      makeSocket({
        addressFamily: 'local',
        type: 'seqpacket',
        connect: 'passive',
        localFilename: join(dir(), 'p.sock'),
        remoteFilename: '/x',
      } as never),
    ).rejects.toThrow('option "remoteFilename" does not apply to a passive local seqpacket socket');
  });
});

/** What a seqpacket socket's events said, in order: `m:<text>`, `end`, `error:<code>`, `close`. */
function record(s: SocketSeqpacketLocalActive): { seen: string[]; from: MessageSender[]; ended: Promise<void> } {
  const seen: string[] = [];
  const from: MessageSender[] = [];
  s.on('message', (data: Buffer, sender: MessageSender) => {
    seen.push(`m:${data.toString()}`);
    from.push(sender);
  });
  s.on('error', (e: NodeJS.ErrnoException) => seen.push(`error:${String(e.code)}:${String(e.syscall)}`));
  s.on('close', () => seen.push('close'));
  const ended = new Promise<void>((resolve) =>
    s.on('end', () => {
      seen.push('end');
      resolve();
    }),
  );
  return { seen, from, ended };
}

describe("'message' events on seqpacket sockets", () => {
  it("keep record boundaries across events; the peer's close is 'end', after which reading stops and the socket stays open", async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(a);
    keep(b);
    const { seen, from, ended } = record(b);
    for (const r of ['one', 'two two', 'three three three']) await a.sendTo(Buffer.from(r));
    a.close();
    await ended;
    expect(seen).toEqual(['m:one', 'm:two two', 'm:three three three', 'end']);
    expect(from).toEqual([{ filename: '' }, { filename: '' }, { filename: '' }]);
    // Still open, still listening, not reading: a new listener does not start reading the end again.
    expect([b.isSocketOpen(), b.listenerCount('message')]).toEqual([true, 1]);
    b.on('message', () => seen.push('again'));
    await nextImmediate();
    b.close();
    await nextImmediate();
    expect(seen).toEqual(['m:one', 'm:two two', 'm:three three three', 'end', 'close']);
  });

  it('a CPython socketpair end sends records (a burst of 300 batched): each one event, in order, then end', async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(b);
    const peer = python('unix_peer.py', ['pair-send', '3', '300', 'first', '+70000', 'a longer last record'], [], [a.socketOsFd()!]);
    a.close();
    const { seen, from, ended } = record(b);
    await b.sendTo(Buffer.from('hello python'));
    await ended;
    expect(await peer.done).toEqual([{ got: 'hello python' }]);
    // The record over 64 KiB is dropped with an error (from recvmmsg if batching still, else recvmsg).
    const long = seen.indexOf('m:first') + 1;
    expect(seen[long]).toMatch(/^error:EMSGSIZE:recv(mmsg|msg)$/);
    seen.splice(long, 1);
    expect(seen).toEqual([...Array.from({ length: 300 }, (_, i) => `m:r${i}`), 'm:first', 'm:a longer last record', 'end']);
    expect(new Set(from.map((f) => JSON.stringify(f)))).toEqual(new Set(['{"filename":""}']));
  });

  it("our client against CPython's seqpacket server: answers arrive as events; our shutdown makes it close: 'end'", async () => {
    const path = join(dir(), 'py-echo-events.sock');
    const peer = python('unix_peer.py', ['seqpacket-echo', path]);
    await peer.ready;
    const c = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', remoteFilename: path }));
    const { seen, ended } = record(c);
    for (const r of ['a', 'bb', 'ccc']) await c.sendTo(Buffer.from(r));
    while (seen.length < 3) await nextImmediate();
    c.shutdown({ write: true });
    await ended;
    expect(seen).toEqual(['m:1:a', 'm:2:bb', 'm:3:ccc', 'end']);
    expect(await peer.done).toEqual([{ records: [1, 2, 3] }]);
  });

  it("CPython's client against our server: the accepted connection answers each record from its listener, closes on 'end'", async () => {
    const path = join(dir(), 'py-send-events.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path }));
    const peer = python('unix_peer.py', ['seqpacket-send', path, 'first', 'second record', 'x']);
    const conn = keep((await server.acceptConnection({ timeout: 10 }))!.socket);
    const closed = new Promise((resolve) => conn.once('close', resolve));
    conn.on('message', (record: Buffer) => void conn.sendTo(Buffer.from(`${record.length}:${record.toString()}`)));
    conn.on('end', () => {
      conn.close();
    });
    await closed;
    expect(await peer.done).toEqual([{ back: ['5:first', '13:second record', '1:x'] }]);
  });

  it('removing the last listener stops reading: the next record waits for receiveFrom; the fd is not polled meanwhile', async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(a);
    keep(b);
    const got = new Promise<string>((resolve) =>
      b.once('message', (d: Buffer) => {
        resolve(d.toString());
      }),
    );
    await a.sendTo(Buffer.from('to the listener'));
    expect(await got).toBe('to the listener');
    expect(b.listenerCount('message')).toBe(0);
    await a.sendTo(Buffer.from('to receiveFrom'));
    // A readable fd still polled would call back every loop turn: nothing reads the record.
    await nextImmediate();
    await nextImmediate();
    expect(text(await b.receiveFrom({ size: 64, dontWait: true }))).toBe('to receiveFrom');
  });

  it("errors go to 'error' and reading goes on: a record over 64 KiB (EMSGSIZE, dropped), then ECONNRESET from a peer that closed with our record unread", async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    const peer = python('unix_peer.py', ['pair-unread', '3'], [], [b.socketOsFd()!]);
    b.close();
    await peer.ready;
    keep(a);
    const [x, y] = await makeSocketPair({ type: 'seqpacket' });
    keep(x);
    keep(y);
    const big = record(y);
    await x.sendTo(Buffer.alloc(70_000, 1));
    await x.sendTo(Buffer.from('after the big one'));
    while (big.seen.length < 2) await nextImmediate();
    expect(big.seen).toEqual(['error:EMSGSIZE:recvmsg', 'm:after the big one']);
    const reset = record(a);
    await a.sendTo(Buffer.from('never read'));
    await reset.ended;
    expect(await peer.done).toEqual([]);
    expect(reset.seen).toEqual(['error:ECONNRESET:recvmsg', 'end']);
  });

  it('fds sent along with a record are closed by the kernel, not leaked: the event has the bytes, receiveMessage the next fds', async () => {
    const [a, b] = await makeSocketPair({ type: 'seqpacket' });
    keep(a);
    keep(b);
    const fd = openSync(join(dir(), 'passed-to-events'), 'w');
    const got = new Promise<string>((resolve) =>
      b.once('message', (d: Buffer) => {
        resolve(d.toString());
      }),
    );
    await a.sendMessage({ buffers: Buffer.from('with an fd'), fds: [fd, fd] });
    expect(await got).toBe('with an fd');
    await a.sendMessage({ buffers: Buffer.from('to receiveMessage'), fds: [fd] });
    closeSync(fd);
    const r = await b.receiveMessage({ size: 32 });
    expect([r.buffers[0]!.toString('utf8', 0, r.bytes), r.fds.length]).toEqual(['to receiveMessage', 1]);
    closeSync(r.fds[0]!);
  });

  it.each([
    ['message', 'message late\n'],
    ['message-removed', ''],
    ['message-unref', ''],
    ['end', 'end, listeners 1\n'],
  ])('process lifetime: %s', async (scenario, out) => {
    const r = await runFixture('seqpacket-lifetime-child.ts', [scenario]);
    expect([r.stderr, r.stdout, r.code]).toEqual(['', out, 0]);
  });
});
