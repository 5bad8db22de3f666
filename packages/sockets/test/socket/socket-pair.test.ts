import { describe, expect, it } from 'vitest';
import {
  SocketDatagramLocalActive,
  SocketStreamInternetActive,
  SocketStreamInternetPassive,
  SocketStreamLocalActive,
  acceptConnection,
  localPort,
  makeSocket,
  makeSocketFromFd,
  makeSocketPair,
} from '../../src/index.js';
import { socket as sysSocket, close as sysClose, AF_INET, SOCK_STREAM } from '@iolib/syscalls';
import { openSync, closeSync } from 'node:fs';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('makeSocketPair', () => {
  it('makes connected stream sockets', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    expect(a).toBeInstanceOf(SocketStreamLocalActive);
    await a.sendTo(Buffer.from('x'));
    expect((await b.receiveFrom({ size: 1 })).buffer.toString()).toBe('x');
  });

  it('makes connected datagram sockets (IOLib cannot)', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    expect(b).toBeInstanceOf(SocketDatagramLocalActive);
    await b.sendTo(Buffer.from('msg'));
    const r = await a.receiveFrom({ size: 8 });
    expect(r).toMatchObject({ bytes: 3, filename: '' });
  });

  it('rejects bad types and protocols', async () => {
    await expect(makeSocketPair({ type: 'raw' as 'stream' })).rejects.toThrow(TypeError);
    await expect(makeSocketPair({ protocol: 'tcp' as 'default' })).rejects.toThrow(TypeError);
  });
});

describe('makeSocketFromFd', () => {
  it('discovers family and type, dups by default, and keeps working after the original is closed', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) }));
    const copy = keep(await makeSocketFromFd(c.socketOsFd()!));
    if (!(copy instanceof SocketStreamInternetActive)) throw new Error('expected a SocketStreamInternetActive');
    expect(copy.socketOsFd()).not.toBe(c.socketOsFd());
    c.close();
    const a = await acceptConnection(server);
    keep(a!.socket);
    await copy.sendTo(Buffer.from('dup'));
    expect((await a!.socket.receiveFrom({ size: 3, waitAll: true })).buffer.toString()).toBe('dup');
  });

  it('a listening fd becomes a passive socket', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const copy = keep(await makeSocketFromFd(server.socketOsFd()!));
    if (!(copy instanceof SocketStreamInternetPassive)) throw new Error('expected a SocketStreamInternetPassive');
    expect(copy.localPort()).toBe(localPort(server));
  });

  it('datagram fds work (IOLib cannot), and dup: false takes ownership', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    const fd = b.socketOsFd()!;
    const adopted = keep(await makeSocketFromFd(fd, { dup: false }));
    expect(adopted).toBeInstanceOf(SocketDatagramLocalActive);
    expect(adopted.socketOsFd()).toBe(fd);
  });

  it('a blocking fd from elsewhere is made non-blocking', async () => {
    const fd = sysSocket(AF_INET, SOCK_STREAM, 0);
    const s = keep(await makeSocketFromFd(fd, { dup: false }));
    expect(s.socketAddressFamily()).toBe('ipv4');
    if (!(s instanceof SocketStreamInternetActive)) throw new Error('expected a SocketStreamInternetActive');
    await expect(s.receiveFrom({ size: 1, dontWait: true })).rejects.toMatchObject({ code: 'ENOTCONN' });
  });

  it('a non-socket is ENOTSOCK, a closed fd EBADF, a bad number a RangeError', async () => {
    const fd = openSync('/dev/null', 'r');
    await expect(makeSocketFromFd(fd)).rejects.toMatchObject({ code: 'ENOTSOCK' });
    closeSync(fd);
    const dead = sysSocket(AF_INET, SOCK_STREAM, 0);
    sysClose(dead);
    await expect(makeSocketFromFd(dead)).rejects.toMatchObject({ code: 'EBADF' });
    await expect(makeSocketFromFd(-1)).rejects.toThrow(RangeError);
    await expect(makeSocketFromFd(2 ** 31)).rejects.toMatchObject({
      code: 'ERR_OUT_OF_RANGE',
      message: 'makeSocketFromFd: fd must be an integer from 0 to 2147483647, got 2147483648',
    });
    await expect(makeSocketFromFd(null as unknown as number)).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    await expect(makeSocketFromFd(0, { connect: 'sideways' as 'active' })).rejects.toThrow(TypeError);
  });
});
