import { describe, expect, it } from 'vitest';
import {
  SocketError,
  SocketOptionNotSupportedError,
  getOption,
  makeSocket,
  makeSocketPair,
  setOption,
  type SocketOptionName,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('socket options on a fresh TCP socket (Linux defaults)', () => {
  it.each([
    ['type', 1],
    ['error', 0],
    ['domain', 2],
    ['protocol', 6],
    ['acceptConnections', false],
    ['broadcast', false],
    ['debug', false],
    ['dontRoute', false],
    ['keepAlive', false],
    ['oobInline', false],
    ['linger', { enabled: false, seconds: 0 }],
    ['receiveLowWater', 1],
    ['sendLowWater', 1],
    ['receiveTimeout', 0],
    ['sendTimeout', 0],
    ['reuseAddress', false],
    ['reusePort', false],
    ['priority', 0],
    ['tcpNodelay', false],
    ['tcpCork', false],
    ['tcpDeferAccept', 0],
    ['tcpKeepcnt', 9],
    ['tcpKeepidle', 7200],
    ['tcpKeepintvl', 75],
    ['tcpQuickack', true],
    ['ipTtl', 64],
    ['ipTos', 0],
    ['ipHeaderInclude', false],
    ['ipReceiveError', false],
  ] as const)('%s reads %j', async (name, value) => {
    const s = keep(await makeSocket({}));
    expect(getOption(s, name as SocketOptionName)).toEqual(value);
  });
});

describe('setting options', () => {
  it.each([
    ['keepAlive', true],
    ['tcpNodelay', true],
    ['tcpCork', true],
    ['reuseAddress', true],
    ['reusePort', true],
    ['oobInline', true],
    ['linger', { enabled: true, seconds: 30 }],
    ['receiveTimeout', 2.5],
    ['sendTimeout', 0.5],
    ['tcpKeepidle', 60],
    ['tcpKeepintvl', 10],
    ['tcpKeepcnt', 3],
    ['tcpDeferAccept', 0],
    ['ipTtl', 17],
    ['ipTos', 0x10],
    ['priority', 3],
    ['tcpSyncnt', 2],
    ['tcpLinger2', 30],
  ] as const)('%s round-trips %j', async (name, value) => {
    const s = keep(await makeSocket({}));
    expect(setOption(s, name as SocketOptionName, value as never)).toEqual(value);
    expect(s.getOption(name as SocketOptionName)).toEqual(value);
  });

  it('buffer sizes are doubled by the kernel', async () => {
    const s = keep(await makeSocket({}));
    s.setOption('receiveBuffer', 8192);
    expect(s.getOption('receiveBuffer')).toBe(16384);
  });

  it('ipv6Only and ipv6UnicastHops work on IPv6 sockets', async () => {
    const s = keep(await makeSocket({ ipv6: true }));
    s.setOption('ipv6Only', true);
    expect(s.getOption('ipv6Only')).toBe(true);
    s.setOption('ipv6UnicastHops', 5);
    expect(s.getOption('ipv6UnicastHops')).toBe(5);
  });

  it('make-socket keywords set their options', async () => {
    const s = keep(await makeSocket({ keepalive: true, nodelay: true }));
    expect(s.getOption('keepAlive')).toBe(true);
    expect(s.getOption('tcpNodelay')).toBe(true);
  });
});

describe('multicast options', () => {
  it('IPv4: multicastTtl and multicastLoop (IP_MULTICAST_*) read their defaults and round-trip', async () => {
    const s = keep(await makeSocket({ type: 'datagram' }));
    expect([s.getOption('multicastTtl'), s.getOption('multicastLoop')]).toEqual([1, true]);
    s.setOption('multicastTtl', 7);
    s.setOption('multicastLoop', false);
    expect([s.getOption('multicastTtl'), s.getOption('multicastLoop')]).toEqual([7, false]);
  });

  it('IPv6: multicastHops and multicastLoop (IPV6_MULTICAST_*)', async () => {
    const s = keep(await makeSocket({ type: 'datagram', ipv6: true }));
    expect([s.getOption('multicastHops'), s.getOption('multicastLoop')]).toEqual([1, true]);
    s.setOption('multicastHops', 9);
    s.setOption('multicastLoop', false);
    expect([s.getOption('multicastHops'), getOption(s, 'multicastLoop')]).toEqual([9, false]);
    expect(() => s.getOption('multicastTtl')).not.toThrow(); // the IPv4 option of a dual-stack socket
  });

  it('multicastInterface takes a name or an index, is write-only, and names a bad interface', async () => {
    for (const ipv6 of [false, true]) {
      const s = keep(await makeSocket({ type: 'datagram', ipv6 }));
      expect(s.setOption('multicastInterface', 'lo')).toBe('lo');
      expect(s.setOption('multicastInterface', 1)).toBe(1);
      expect(s.setOption('multicastInterface', 0)).toBe(0);
      expect(() => s.getOption('multicastInterface')).toThrow(SocketOptionNotSupportedError);
      expect(() => s.setOption('multicastInterface', 'nosuch0')).toThrow(
        'socket option multicastInterface: there is no interface named "nosuch0"',
      );
      expect(() => s.setOption('multicastInterface', -2)).toThrow(RangeError);
    }
  });

  it('an IPv6 multicast option on an IPv4 socket is SocketOptionNotSupportedError', async () => {
    const s = keep(await makeSocket({ type: 'datagram' }));
    expect(() => s.getOption('multicastHops')).toThrow(SocketOptionNotSupportedError);
  });
});

describe('option errors', () => {
  it('an IPv6 option on an IPv4 socket is SocketOptionNotSupportedError', async () => {
    const s = keep(await makeSocket({}));
    const e = (() => {
      try {
        s.getOption('ipv6Only');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(SocketOptionNotSupportedError);
    expect(e).toMatchObject({ syscall: 'getsockopt', option: 'ipv6Only' });
    expect(['ENOPROTOOPT', 'ENOTSUP']).toContain((e as SocketError).code);
  });

  it('a TCP option on a Unix socket is SocketOptionNotSupportedError', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    expect(() => a.setOption('tcpNodelay', true)).toThrow(SocketOptionNotSupportedError);
  });

  it('read-only options cannot be set, unknown names are refused', async () => {
    const s = keep(await makeSocket({}));
    expect(() => s.setOption('type', 2)).toThrow(SocketOptionNotSupportedError);
    expect(() => s.setOption('type', 2)).toThrow(/read-only/);
    expect(() => getOption(s, 'frobnicate' as SocketOptionName)).toThrow(/unknown option name/);
  });

  it.each([
    ['tcpNodelay', 1, 'expected a boolean'],
    ['ipTtl', 'x', 'expected a 32-bit integer'],
    ['linger', { enabled: true }, 'expected { enabled: boolean, seconds: non-negative integer }'],
    ['receiveTimeout', -1, 'expected a non-negative number of seconds'],
    ['bindToDevice', 'x'.repeat(16), 'longer than 15 bytes'],
  ] as const)('%s = %j is a typed error', async (name, value, message) => {
    const s = keep(await makeSocket({}));
    expect(() => s.setOption(name as SocketOptionName, value as never)).toThrow(message);
  });

  it('a kernel EINVAL stays a SocketError naming the option', async () => {
    const s = keep(await makeSocket({}));
    const e = (() => {
      try {
        s.setOption('ipTtl', 1000);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(SocketError);
    expect(e).toMatchObject({ code: 'EINVAL', syscall: 'setsockopt' });
    expect((e as Error).message).toContain('ipTtl');
  });

  it('options of a closed socket are EBADF', async () => {
    const s = await makeSocket({});
    s.close();
    expect(() => s.getOption('type')).toThrow(expect.objectContaining({ code: 'EBADF' }) as Error);
  });
});
