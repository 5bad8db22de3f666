import { join } from 'node:path';
import { IPv4Address, ensureAddress, parseAddress } from '@iolib/address';
import { PollTimeoutError } from '@iolib/iomux';
import { describe, expect, it } from 'vitest';
import {
  SocketAddressFamilyNotSupportedError,
  SocketAddressInUseError,
  SocketAddressNotAvailableError,
  SocketConnectionRefusedError,
  SocketError,
  acceptConnection,
  bindAddress,
  connect,
  isSocketConnected,
  listenOn,
  localName,
  localPort,
  makeSocket,
  remoteName,
  withAcceptConnection,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate, unusedPort } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();

describe('connect', () => {
  it('to a closed port rejects with SocketConnectionRefusedError carrying address and port', async () => {
    const port = await unusedPort();
    const err = await makeSocket({ remoteHost: '127.0.0.1', remotePort: port }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketConnectionRefusedError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port });
  });

  it('over IPv6 reports the bracketed address', async () => {
    const s = keep(await makeSocket({ ipv6: true }));
    const err = await connect(s, '::1', { port: await unusedPort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketConnectionRefusedError);
    expect((err as Error).message).toMatch(/^connect ECONNREFUSED \[::1\]:\d+/);
  });

  it('with a timeout rejects with PollTimeoutError when the peer never answers', async () => {
    // A full listen queue (backlog 0, one pending connection) leaves later SYNs unanswered.
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', backlog: 0 }));
    const port = localPort(server);
    const first = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: port }));
    expect(isSocketConnected(first)).toBe(true);
    const others = [keep(await makeSocket({})), keep(await makeSocket({}))];
    const results = await Promise.all(
      others.map((s) =>
        connect(s, '127.0.0.1', { port, timeout: 0.3 }).then(
          () => 'connected',
          (e: unknown) => e,
        ),
      ),
    );
    expect(results.some((r) => r instanceof PollTimeoutError)).toBe(true);
    const t = results.find((r) => r instanceof PollTimeoutError) as PollTimeoutError;
    expect(t.code).toBe('ETIMEDOUT');
    expect(t.eventType).toBe('output');
  });

  it('with wait: false returns while in progress, and the stream works once connected', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const s = keep(await makeSocket({}));
    await connect(s, parseAddress('127.0.0.1'), { port: localPort(server), wait: false });
    s.write('early');
    const c = await acceptConnection(server, { timeout: 5 });
    keep(c!.socket);
    const r = await c!.socket.receiveFrom({ size: 5, waitAll: true });
    expect(r.buffer.toString()).toBe('early');
  });

  it('a timeout that is not a number is a TypeError, a negative, NaN or infinite one a RangeError; the socket stays unconnected', async () => {
    const s = keep(await makeSocket({}));
    const port = await unusedPort();
    await expect(connect(s, '127.0.0.1', { port, timeout: '1' as unknown as number })).rejects.toMatchObject({
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'connect: timeout must be a number of seconds, got "1"',
    });
    for (const [timeout, shown] of [
      [-1, '-1'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
    ] as const) {
      await expect(connect(s, '127.0.0.1', { port, timeout })).rejects.toMatchObject({
        name: 'RangeError',
        code: 'ERR_OUT_OF_RANGE',
        message: `connect: timeout must be a finite number of seconds ≥ 0, got ${shown}`,
      });
    }
    expect(isSocketConnected(s)).toBe(false);
  });

  it('a missing Unix path is ENOENT with the path', async () => {
    const path = join(dir(), 'missing');
    const err = await makeSocket({ addressFamily: 'local', remoteFilename: path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketError);
    expect(err).toMatchObject({ code: 'ENOENT', syscall: 'connect', path });
  });

  it('a local address on an internet socket is a TypeError', async () => {
    const s = keep(await makeSocket({}));
    await expect(connect(s, ensureAddress('/tmp/x', { family: 'local' }))).rejects.toThrow(TypeError);
  });

  it('an IPv6 address on an IPv4 socket is a TypeError naming both', async () => {
    const s = keep(await makeSocket({ addressFamily: 'ipv4' }));
    await expect(connect(s, '::1', { port: 1 })).rejects.toThrow(/::1 is an IPv6 address; this is an IPv4 socket/);
  });

  it.each([-1, 65536, 1.5])('port %s is a RangeError', async (port) => {
    const s = keep(await makeSocket({}));
    await expect(connect(s, '127.0.0.1', { port })).rejects.toThrow(RangeError);
    await expect(makeSocket({ remoteHost: '127.0.0.1', remotePort: port })).rejects.toThrow(
      port === 1.5 ? 'remotePort: 1.5 is not an integer' : /remotePort: .* is outside 0–65535/,
    );
  });

  it('IPv4 addresses on IPv6 sockets are mapped', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const s = keep(await makeSocket({ ipv6: true, remoteHost: new IPv4Address([127, 0, 0, 1]), remotePort: localPort(server) }));
    const peer = remoteName(s) as { host: { toString(): string } };
    expect(peer.host.toString()).toBe('::ffff:127.0.0.1');
  });
});

describe('bind and listen', () => {
  it('address in use gives SocketAddressInUseError', async () => {
    const a = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', reuseAddress: false }));
    const err = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: localPort(a) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketAddressInUseError);
    expect(err).toMatchObject({ code: 'EADDRINUSE', syscall: 'bind', address: '127.0.0.1', port: localPort(a) });
  });

  it('a non-local address gives SocketAddressNotAvailableError', async () => {
    const err = await makeSocket({ connect: 'passive', localHost: '192.0.2.1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketAddressNotAvailableError);
  });

  it('a Unix path already bound gives SocketAddressInUseError with the path', async () => {
    const path = join(dir(), 'inuse');
    keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    const err = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketAddressInUseError);
    expect(err).toMatchObject({ path });
  });

  it('a Unix path over 107 bytes is a RangeError naming it; 107 bytes works', async () => {
    const long = join(dir(), 'x'.repeat(120));
    await expect(makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: long })).rejects.toThrow(
      /Unix socket paths hold at most 107/,
    );
    const base = join(dir(), '');
    const exact = base + 'y'.repeat(107 - Buffer.byteLength(base));
    const s = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: exact }));
    expect(s.localFilename()).toBe(exact);
  });

  it('bindAddress and listenOn set up an unbound passive socket', async () => {
    const s = keep(await makeSocket({ connect: 'passive' }));
    expect(localName(s)).toEqual({ host: new IPv4Address(0), port: 0 });
    await bindAddress(s, '127.0.0.1', { port: 0 });
    listenOn(s, { backlog: 3 });
    expect(s.getOption('acceptConnections')).toBe(true);
    expect(s.getOption('reuseAddress')).toBe(true);
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    expect(isSocketConnected(c)).toBe(true);
  });

  it('binding an IPv6 address on an IPv4 socket is a TypeError; the kernel error class also exists', async () => {
    const s = keep(await makeSocket({ type: 'datagram' }));
    await expect(bindAddress(s, '::1')).rejects.toThrow(TypeError);
    expect(SocketAddressFamilyNotSupportedError.name).toBe('SocketAddressFamilyNotSupportedError');
  });

  it.each([-1, 4097, 2.5])('backlog %s is a RangeError', async (backlog) => {
    await expect(makeSocket({ connect: 'passive', localHost: '127.0.0.1', backlog })).rejects.toThrow(RangeError);
  });

  it('localPort alone binds the wildcard address', async () => {
    const a = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const port = localPort(a);
    a.close();
    const s = keep(await makeSocket({ connect: 'passive', localPort: port }));
    expect(String(s.localHost())).toBe('0.0.0.0');
    expect(s.localPort()).toBe(port);
  });

  it('interface binds to a device (SO_BINDTODEVICE lo)', async (ctx) => {
    const s = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', interface: 'lo' }).catch((e: unknown) => e);
    if (s instanceof SocketError && s.code === 'EPERM') {
      console.warn('SO_BINDTODEVICE needs CAP_NET_RAW; not running as root, skipping');
      ctx.skip();
      return;
    }
    const server = keep(s as Awaited<ReturnType<typeof makeSocket<{ connect: 'passive' }>>>);
    expect(server.getOption('bindToDevice')).toBe('lo');
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) }));
    expect(isSocketConnected(c)).toBe(true);
  });
});

describe('accept', () => {
  it('returns null with wait: false and nothing pending', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    expect(await acceptConnection(s, { wait: false })).toBe(null);
    expect(await s.acceptConnection({ wait: false })).toBe(null);
  });

  it('returns null when the timeout expires', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    expect(await acceptConnection(s, { timeout: 0.05 })).toBe(null);
  });

  it('a timeout that is not a number is a TypeError, a negative or NaN one a RangeError', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    await expect(acceptConnection(s, { timeout: null as unknown as number })).rejects.toMatchObject({
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'acceptConnection: timeout must be a number of seconds, got null',
    });
    await expect(acceptConnection(s, { timeout: -0.5 })).rejects.toMatchObject({
      name: 'RangeError',
      code: 'ERR_OUT_OF_RANGE',
      message: 'acceptConnection: timeout must be a finite number of seconds ≥ 0, got -0.5',
    });
    await expect(s.acceptConnection({ timeout: NaN })).rejects.toThrow(RangeError);
  });

  it('reports the peer host and port (internet) or filename (local)', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    const a = await acceptConnection(s, { wait: false });
    keep(a!.socket);
    expect(String(a!.host)).toBe('127.0.0.1');
    expect(a!.port).toBe(c.localPort());
    const name = ensureAddress(abstractName('acc'), { family: 'local', abstract: true });
    const l = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: name }));
    keep(await makeSocket({ addressFamily: 'local', remoteFilename: name }));
    const b = await acceptConnection(l);
    keep(b!.socket);
    expect(b).toMatchObject({ filename: '' });
    expect(b!.socket.remoteFilename()).toBe('');
    expect(b!.socket.localName()).toMatchObject({ filename: name.name, abstract: true });
  });

  it('a pending accept rejects with EBADF when the listener is closed', async () => {
    const s = await makeSocket({ connect: 'passive', localHost: '127.0.0.1' });
    const pending = acceptConnection(s);
    s.close();
    await expect(pending).rejects.toMatchObject({ code: 'EBADF' });
  });

  it('withAcceptConnection closes the connection after the body, even on error', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    let inner: { isSocketOpen(): boolean } | undefined;
    await expect(
      withAcceptConnection(s, {}, (conn) => {
        inner = conn!.socket;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(inner!.isSocketOpen()).toBe(false);
    expect(c.isSocketOpen()).toBe(true);
    expect(await withAcceptConnection(s, { wait: false }, (conn) => conn)).toBe(null);
  });

  it('accepted sockets inherit the listener external format', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', externalFormat: 'latin1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    const a = await acceptConnection(s);
    keep(a!.socket);
    c.end(Buffer.from([0xe9]));
    let text = '';
    for await (const chunk of a!.socket) text += chunk as string;
    expect(text).toBe('é');
  });

  it('passive sockets are async-iterable over connections', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', backlog: 8 }));
    for (let i = 0; i < 3; i++) keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    let n = 0;
    for await (const conn of s) {
      keep(conn.socket);
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });
});
