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
  type ReceiveMessageResult,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../peer-process.js';
import { closeAfterEach, tmpDir } from '../support.js';

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
