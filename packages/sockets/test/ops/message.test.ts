import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SocketError, acceptConnection, localPort, makeSocket, makeSocketPair, receiveMessage, sendMessage } from '../../src/index.js';
import { expectNoFdLeak, fdCount, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../peer-process.js';
import { closeAfterEach, delay, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();
const me = { pid: process.pid, uid: process.getuid!(), gid: process.getgid!() };

/** Three files with known contents, opened read-only; the fds and a closer. */
function threeFiles(tag: string): { paths: string[]; fds: number[]; close(): void } {
  const paths = ['one', 'two', 'three'].map((name) => {
    const path = join(dir(), `${tag}-${name}`);
    writeFileSync(path, `${name} of ${tag}`);
    return path;
  });
  const fds = paths.map((p) => openSync(p, 'r'));
  return {
    paths,
    fds,
    close: () => {
      closeAll(fds);
    },
  };
}

function closeAll(fds: readonly number[]): void {
  for (const fd of fds) closeSync(fd);
}

function contents(fd: number): string {
  const buf = Buffer.alloc(64);
  return buf.toString('utf8', 0, readSync(fd, buf, 0, 64, 0));
}

describe('sendMessage / receiveMessage between our own sockets', () => {
  it('gathers several buffers into one message and scatters it into several', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    expect(await sendMessage(a, { buffers: [Buffer.from('one '), Buffer.from('two '), new Uint8Array(Buffer.from('three'))] })).toBe(13);
    const x = Buffer.alloc(5),
      y = Buffer.alloc(16);
    const r = await receiveMessage(b, { buffers: [x, y] });
    expect([r.bytes, x.toString(), y.toString('utf8', 0, 8), r.fds, r.truncated, r.controlTruncated]).toEqual([
      13,
      'one t',
      'wo three',
      [],
      false,
      false,
    ]);
    expect(r.buffers[0]).toBe(x);
    expect(r.credentials).toBeUndefined();
  });

  it('passes three fds at once with credentials over a datagram pair', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const files = threeFiles('pair');
    await sendMessage(a, { buffers: Buffer.from('3 fds'), fds: files.fds, credentials: true });
    files.close();
    const r = await receiveMessage(b, { size: 16, maxFds: 3, credentials: true });
    expect(r.fds.map(contents)).toEqual(['one of pair', 'two of pair', 'three of pair']);
    closeAll(r.fds);
    expect([r.bytes, r.buffers[0]!.toString('utf8', 0, r.bytes), r.credentials, r.controlTruncated]).toEqual([5, '3 fds', me, false]);
  });

  it('closes the fds beyond maxFds and says controlTruncated', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const files = threeFiles('extra');
    await sendMessage(a, { buffers: Buffer.from('x'), fds: files.fds });
    await sendMessage(a, { buffers: Buffer.from('y'), fds: files.fds });
    files.close();
    const before = fdCount();
    const one = await receiveMessage(b, { size: 4, maxFds: 1 });
    expect([one.fds.length, one.controlTruncated, fdCount()]).toEqual([1, true, before + 1]);
    expect(contents(one.fds[0]!)).toBe('one of extra');
    closeSync(one.fds[0]!);
    const none = await receiveMessage(b, { size: 4, maxFds: 0 });
    expect([none.fds, none.controlTruncated, none.bytes, fdCount()]).toEqual([[], true, 1, before]);
  });

  it('a datagram longer than the buffers is truncated; bytes counts what was stored', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    await a.sendTo(Buffer.from('0123456789'));
    const r = await receiveMessage(b, { size: 4 });
    expect([r.bytes, r.truncated, r.buffers[0]!.toString()]).toEqual([4, true, '0123']);
  });

  it('peek leaves the message (and passes its fds again); the real receive takes it', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const files = threeFiles('peek');
    await sendMessage(a, { buffers: Buffer.from('p'), fds: [files.fds[0]!] });
    files.close();
    const peeked = await receiveMessage(b, { size: 1, peek: true });
    const taken = await receiveMessage(b, { size: 1 });
    expect([peeked.fds.length, taken.fds.length, peeked.fds[0] === taken.fds[0]]).toEqual([1, 1, false]);
    expect([contents(peeked.fds[0]!), contents(taken.fds[0]!)]).toEqual(['one of peek', 'one of peek']);
    closeAll([...peeked.fds, ...taken.fds]);
    await expect(receiveMessage(b, { size: 1, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN', syscall: 'recvmsg' });
  });

  it('waitAll on a stream gathers until the buffers are full, fds of every part included', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    const files = threeFiles('all');
    const pending = receiveMessage(b, { buffers: [Buffer.alloc(2), Buffer.alloc(4)], waitAll: true, maxFds: 4 });
    await sendMessage(a, { buffers: Buffer.from('abc'), fds: [files.fds[0]!] });
    await delay(5);
    await sendMessage(a, { buffers: Buffer.from('def'), fds: [files.fds[1]!] });
    files.close();
    const r = await pending;
    expect([r.bytes, Buffer.concat(r.buffers).toString(), r.fds.map(contents)]).toEqual([6, 'abcdef', ['one of all', 'two of all']]);
    closeAll(r.fds);
  });

  it('UDP: the sender, and with packetInfo the destination address and interface (IPv4 and IPv6)', async () => {
    for (const host of ['127.0.0.1', '::1']) {
      const rx = keep(await makeSocket({ type: 'datagram', localHost: host, localPort: 0 }));
      const tx = keep(await makeSocket({ type: 'datagram', localHost: host, localPort: 0 }));
      // packetInfo turns IP_PKTINFO on at once: datagrams that arrive from then on carry it.
      const pending = receiveMessage(rx, { size: 64, packetInfo: true });
      await sendMessage(tx, { buffers: [Buffer.from('to '), Buffer.from(host)], remoteHost: host, remotePort: localPort(rx) });
      const r = await pending;
      expect([r.buffers[0]!.toString('utf8', 0, r.bytes), String(r.host), r.port]).toEqual([`to ${host}`, host, localPort(tx)]);
      expect([String(r.destination?.address), r.destination?.interfaceIndex]).toEqual([host, 1]);
      await tx.sendTo(Buffer.from('again'), { remoteHost: host, remotePort: localPort(rx) });
      expect((await receiveMessage(rx, { size: 8 })).destination).toEqual(r.destination);
    }
  });

  it("Unix datagram: the sender's name", async () => {
    const rx = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir(), 'rx.sock') }));
    const tx = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir(), 'tx.sock') }));
    await sendMessage(tx, { buffers: Buffer.from('named'), remoteFilename: join(dir(), 'rx.sock') });
    const r = await receiveMessage(rx, { size: 8 });
    expect([r.filename, r.host, r.port]).toEqual([join(dir(), 'tx.sock'), undefined, undefined]);
  });
});

describe("against CPython's socket module", () => {
  it('CPython receives three fds at once and our credentials (stream)', async () => {
    const path = join(dir(), 'py-recv.sock');
    const peer = python('unix_peer.py', ['serve-recv', path, 'stream', '3']);
    await peer.ready;
    const c = keep(await makeSocket({ addressFamily: 'local', remoteFilename: path }));
    const files = threeFiles('topy');
    expect(await sendMessage(c, { buffers: [Buffer.from('three '), Buffer.from('fds')], fds: files.fds, credentials: true })).toBe(9);
    files.close();
    expect(await peer.done).toEqual([
      { data: 'three fds', fds: ['one of topy', 'two of topy', 'three of topy'], credentials: me, ctrunc: false },
    ]);
  });

  it('CPython receives a datagram with fds at its bound name', async () => {
    const path = join(dir(), 'py-recv-dgram.sock');
    const peer = python('unix_peer.py', ['serve-recv', path, 'datagram', '3']);
    await peer.ready;
    const c = keep(await makeSocket({ addressFamily: 'local', type: 'datagram' }));
    const files = threeFiles('dgpy');
    await sendMessage(c, { buffers: Buffer.from('dgram'), fds: files.fds.slice(0, 2), remoteFilename: path });
    files.close();
    expect(await peer.done).toEqual([{ data: 'dgram', fds: ['one of dgpy', 'two of dgpy'], credentials: me, ctrunc: false }]);
  });

  it.each(['stream', 'datagram'] as const)('we receive the fds and credentials CPython sends (%s)', async (type) => {
    const path = join(dir(), `py-send-${type}.sock`);
    const files = threeFiles(`frompy-${type}`);
    files.close();
    const peer = python('unix_peer.py', ['serve-send', path, type, ...files.paths]);
    await peer.ready;
    const c = keep(
      type === 'stream'
        ? await makeSocket({ addressFamily: 'local', remoteFilename: path })
        : await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir(), `us-${type}.sock`) }),
    );
    if (type === 'datagram') await c.sendTo(Buffer.from('hello'), { remoteFilename: path });
    const r = await receiveMessage(c, { size: 64, maxFds: 3, credentials: true });
    c.close();
    const [sent] = (await peer.done) as [{ pid: number; uid: number; gid: number }];
    expect(r.fds.map(contents)).toEqual(['one', 'two', 'three'].map((n) => `${n} of frompy-${type}`));
    closeAll(r.fds);
    expect([r.buffers[0]!.toString('utf8', 0, r.bytes), r.credentials, r.controlTruncated]).toEqual(['from python', sent, false]);
    expect(sent.pid).not.toBe(process.pid);
  });
});

describe('waiting, aborting, closing', () => {
  it('waits for a message, then resolves', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const pending = receiveMessage(b, { size: 8 });
    await delay(5);
    await sendMessage(a, { buffers: Buffer.from('late') });
    expect((await pending).bytes).toBe(4);
  });

  it('an aborted receive rejects with the reason and consumes nothing', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const early = new AbortController();
    early.abort(new Error('not wanted'));
    await expect(receiveMessage(b, { size: 8, signal: early.signal })).rejects.toThrow('not wanted');
    const later = new AbortController();
    const pending = receiveMessage(b, { size: 8, signal: later.signal });
    later.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const files = threeFiles('abort');
    await sendMessage(a, { buffers: Buffer.from('kept'), fds: [files.fds[0]!] });
    files.close();
    await nextImmediate();
    const r = await receiveMessage(b, { size: 8 });
    expect(r.buffers[0]!.toString('utf8', 0, r.bytes)).toBe('kept');
    closeAll(r.fds);
    expect(r.fds).toHaveLength(1);
  });

  it.each(['close', 'abort'] as const)('a stream waitAll cut short by %s closes the fds it had taken', async (how) => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    const files = threeFiles(`cut-${how}`);
    const before = fdCount();
    const controller = new AbortController();
    const pending = receiveMessage(b, { size: 8, waitAll: true, signal: controller.signal });
    await sendMessage(a, { buffers: Buffer.from('abc'), fds: files.fds });
    await delay(5); // the first part (and its three fds) is taken; the rest never comes
    if (how === 'close') b.close();
    else controller.abort();
    await expect(pending).rejects.toMatchObject(how === 'close' ? { code: 'EBADF' } : { name: 'AbortError' });
    expect(fdCount()).toBe(how === 'close' ? before - 1 : before); // closing b releases its own fd too
    files.close();
  });

  it('closing the socket rejects a waiting receive with EBADF; later calls too', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    const pending = receiveMessage(b, { size: 8 });
    b.close();
    await expect(pending).rejects.toMatchObject({ code: 'EBADF' });
    await expect(sendMessage(b, { buffers: Buffer.from('x') })).rejects.toBeInstanceOf(SocketError);
  });
});

describe('bad input', () => {
  it.each([
    [
      'fds on an internet socket',
      { buffers: Buffer.from('x'), fds: [0] },
      TypeError,
      'sendMessage: fds and credentials travel only over local (Unix) sockets; this is an ipv4 socket',
    ],
    [
      'credentials on an internet socket',
      { buffers: Buffer.from('x'), credentials: true },
      TypeError,
      'sendMessage: fds and credentials travel only over local',
    ],
    [
      'a host without a port',
      { buffers: Buffer.from('x'), remoteHost: '127.0.0.1' },
      TypeError,
      'sendMessage: remoteHost given without remotePort',
    ],
    [
      'a filename on an internet socket',
      { buffers: Buffer.from('x'), remoteFilename: '/tmp/x' },
      TypeError,
      'sendMessage: remoteFilename does not apply to an internet socket',
    ],
    ['no buffers', {}, TypeError, 'sendMessage buffers: buffer must be a Uint8Array'],
    ['an empty buffer list', { buffers: [] }, RangeError, 'sendMessage: buffers holds 0 buffers; one message takes 1–1024'],
  ] as const)('sendMessage: %s', async (_, options, type, message) => {
    const udp = keep(await makeSocket({ type: 'datagram' }));
    const p = sendMessage(udp, options as never);
    await expect(p).rejects.toThrow(type);
    await expect(p).rejects.toThrow(message);
  });

  it.each([
    ['no fd', { buffers: Buffer.from('x'), fds: [] }, RangeError, 'sendMessage: fds holds 0 file descriptors; one message carries 1–253'],
    [
      'a negative fd',
      { buffers: Buffer.from('x'), fds: [3, -1] },
      RangeError,
      'sendMessage: fds[1] must be an integer from 0 to 2147483647, got -1',
    ],
    [
      'an fd that is not a number',
      { buffers: Buffer.from('x'), fds: ['3'] },
      TypeError,
      'sendMessage: fds[0] must be an integer from 0 to 2147483647, got "3"',
    ],
    [
      'fds not an array',
      { buffers: Buffer.from('x'), fds: 3 },
      TypeError,
      'sendMessage: fds must be an array of file descriptors, got number',
    ],
    [
      'bad credentials',
      { buffers: Buffer.from('x'), credentials: { pid: 1, uid: -1, gid: 0 } },
      TypeError,
      'sendMessage: credentials.uid must be an integer in 0–4294967295, got -1',
    ],
    ['a closed fd', { buffers: Buffer.from('x'), fds: [2 ** 30] }, SocketError, 'sendmsg EBADF'],
  ] as const)('sendMessage on a local socket: %s', async (_, options, type, message) => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const p = sendMessage(a, options as never);
    await expect(p).rejects.toThrow(type);
    await expect(p).rejects.toThrow(message);
  });

  it.each([
    ['neither buffers nor size', {}, TypeError, 'receiveMessage: give buffers or a size'],
    ['a bad size', { size: -1 }, RangeError, 'receiveMessage: size -1 is not a non-negative integer'],
    ['maxFds over 253', { size: 1, maxFds: 254 }, RangeError, 'receiveMessage: maxFds 254 is not an integer in 0–253'],
    [
      'packetInfo on a local socket',
      { size: 1, packetInfo: true },
      TypeError,
      'receiveMessage: packetInfo applies to internet sockets; this is a local socket',
    ],
    ['a signal that is not one', { size: 1, signal: {} }, TypeError, 'receiveMessage: signal must be an AbortSignal, got object'],
  ] as const)('receiveMessage: %s', async (_, options, type, message) => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    const p = receiveMessage(a, options as never);
    await expect(p).rejects.toThrow(type);
    await expect(p).rejects.toThrow(message);
  });

  it('credentials on an internet socket, a foreign object', async () => {
    const udp = keep(await makeSocket({ type: 'datagram' }));
    await expect(receiveMessage(udp, { size: 1, credentials: true })).rejects.toThrow(
      'receiveMessage: credentials travel only over local (Unix) sockets; this is an ipv4 socket',
    );
    await expect(receiveMessage({} as never, { size: 1 })).rejects.toThrow(
      'receiveMessage: expected an iolib socket, got an object that is not one',
    );
  });

  it('sending to a closed stream peer: EPIPE, no SIGPIPE', async () => {
    const server = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: join(dir(), 'srv.sock') }));
    const c = keep(await makeSocket({ addressFamily: 'local', remoteFilename: join(dir(), 'srv.sock') }));
    const conn = await acceptConnection(server);
    keep(conn!.socket);
    conn!.socket.close();
    await expect(sendMessage(c, { buffers: Buffer.from('x'), dontWait: true })).rejects.toMatchObject({
      code: 'EPIPE',
      syscall: 'sendmsg',
    });
  });
});
