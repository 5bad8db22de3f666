import { Duplex } from 'node:stream';
import { ensureAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import {
  ActiveSocket,
  DatagramSocket,
  InternetSocket,
  LocalSocket,
  PassiveSocket,
  Socket,
  SocketDatagramInternetActive,
  SocketDatagramLocalActive,
  SocketNotConnectedError,
  SocketStreamInternetActive,
  SocketStreamInternetPassive,
  SocketStreamLocalActive,
  SocketStreamLocalPassive,
  StreamSocket,
  isSocketConnected,
  isSocketIPv6,
  isSocketOpen,
  localFilename,
  localHost,
  localName,
  localPort,
  makeSocket,
  makeSocketPair,
  remoteFilename,
  remoteHost,
  remoteName,
  remotePort,
  socketAddressFamily,
  socketOsFd,
  socketProtocol,
  socketType,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

const ALL = { Socket, StreamSocket, DatagramSocket, InternetSocket, LocalSocket, ActiveSocket, PassiveSocket } as const;

describe('class precedence lists of the manual', () => {
  it.each([
    [{}, SocketStreamInternetActive, ['Socket', 'StreamSocket', 'InternetSocket', 'ActiveSocket'], true],
    [{ connect: 'passive' }, SocketStreamInternetPassive, ['Socket', 'StreamSocket', 'InternetSocket', 'PassiveSocket'], false],
    [{ addressFamily: 'local' }, SocketStreamLocalActive, ['Socket', 'StreamSocket', 'LocalSocket', 'ActiveSocket'], true],
    [
      { addressFamily: 'local', connect: 'passive' },
      SocketStreamLocalPassive,
      ['Socket', 'StreamSocket', 'LocalSocket', 'PassiveSocket'],
      false,
    ],
    [{ type: 'datagram' }, SocketDatagramInternetActive, ['Socket', 'DatagramSocket', 'InternetSocket', 'ActiveSocket'], false],
    [
      { addressFamily: 'local', type: 'datagram' },
      SocketDatagramLocalActive,
      ['Socket', 'DatagramSocket', 'LocalSocket', 'ActiveSocket'],
      false,
    ],
  ] as const)('makeSocket(%j) is a %o', async (options, cls, supers, duplex) => {
    const s = keep(await makeSocket(options));
    expect(s).toBeInstanceOf(cls);
    for (const [name, c] of Object.entries(ALL)) expect(s instanceof c, name).toBe((supers as readonly string[]).includes(name));
    expect(s instanceof Duplex).toBe(duplex);
    for (const other of [
      SocketStreamInternetActive,
      SocketStreamInternetPassive,
      SocketStreamLocalActive,
      SocketStreamLocalPassive,
      SocketDatagramInternetActive,
      SocketDatagramLocalActive,
    ]) {
      expect(s instanceof other).toBe(other === cls);
    }
  });

  it('abstract classes cannot be called and reject non-sockets', () => {
    expect(() => {
      (Socket as unknown as () => void)();
    }).toThrow(/abstract socket class/);
    expect({} instanceof Socket).toBe(false);
    expect((null as unknown) instanceof StreamSocket).toBe(false);
  });
});

describe('accessors and predicates', () => {
  it('internet stream sockets', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) }));
    expect(typeof socketOsFd(c)).toBe('number');
    expect(socketType(c)).toBe('stream');
    expect(socketProtocol(c)).toBe('default');
    expect(socketAddressFamily(c)).toBe('ipv4');
    expect(isSocketIPv6(c)).toBe(false);
    expect(isSocketOpen(c)).toBe(true);
    expect(isSocketConnected(c)).toBe(true);
    expect(isSocketConnected(server)).toBe(false);
    expect(String(localHost(c))).toBe('127.0.0.1');
    expect(remotePort(c)).toBe(localPort(server));
    expect(String(remoteHost(c))).toBe('127.0.0.1');
    expect(remoteName(c)).toEqual({ host: remoteHost(c), port: remotePort(c) });
    expect(localName(c)).toEqual({ host: localHost(c), port: localPort(c) });
    expect(() => localFilename(c)).toThrow('localFilename: works only on local sockets');
    expect(() => remoteFilename(c)).toThrow(TypeError);
    expect(() => remoteName(server)).toThrow(SocketNotConnectedError);
    expect(c.socketOsFd()).toBe(socketOsFd(c));
  });

  it('IPv6 and local sockets', async () => {
    const six = keep(await makeSocket({ type: 'datagram', ipv6: true, localHost: '::1' }));
    expect(isSocketIPv6(six)).toBe(true);
    expect(socketAddressFamily(six)).toBe('ipv6');
    expect(socketType(six)).toBe('datagram');
    expect(String(six.localHost())).toBe('::1');
    const name = ensureAddress(abstractName('acc'), { family: 'local', abstract: true });
    const l = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: name }));
    expect(socketAddressFamily(l)).toBe('local');
    expect(localFilename(l)).toBe(name.name);
    expect(() => localPort(l)).toThrow('localPort: works only on internet sockets');
    expect(() => l.remoteHost()).toThrow(TypeError);
  });

  it('socket pairs have unnamed ends', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    expect(localFilename(a)).toBe('');
    expect(remoteFilename(a)).toBe('');
    expect(remoteName(b)).toMatchObject({ filename: '', abstract: false });
  });

  it('after close: fd is null, predicates false, other accessors EBADF', async () => {
    const s = await makeSocket({});
    s.close();
    expect(socketOsFd(s)).toBe(null);
    expect(isSocketOpen(s)).toBe(false);
    expect(isSocketConnected(s)).toBe(false);
    expect(socketType(s)).toBe('stream');
    expect(() => localName(s)).toThrow(expect.objectContaining({ code: 'EBADF', syscall: 'localName' }) as Error);
  });

  it('non-sockets are TypeErrors naming the operation', () => {
    expect(() => socketOsFd({} as never)).toThrow('socketOsFd: expected an iolib socket');
    expect(() => isSocketOpen(null as never)).toThrow(TypeError);
  });
});
