import { IPv4Address, parseAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import { checkPort, parseLiteral, resolveHost, resolvePort, toLocalAddress } from '../../src/core/resolve.js';
import { makeSocket } from '../../src/index.js';
import { runFixture } from '../support.js';

describe('host designators', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['fe80::1%1', 'fe80::1%1'],
    ['10.0.0.1', '10.0.0.1'],
  ])('literal %s', async (text, out) => {
    expect(String(await resolveHost(text, undefined, 'remoteHost'))).toBe(out);
    expect(String(parseLiteral(text))).toBe(out);
  });

  it('passes address values through', async () => {
    const a = new IPv4Address([192, 0, 2, 1]);
    expect(await resolveHost(a, undefined, 'h')).toBe(a);
  });

  it('names that are not literals', () => {
    expect(parseLiteral('localhost')).toBeUndefined();
    expect(parseLiteral('1.2.3')).toBeUndefined();
    expect(parseLiteral('dead.beef')).toBeUndefined();
  });

  it('rejects local addresses and non-strings', async () => {
    await expect(resolveHost(toLocalAddress('/tmp/x', 'f'), undefined, 'remoteHost')).rejects.toThrow(
      '/tmp/x is a local address, not an internet address',
    );
    await expect(resolveHost(42 as unknown as string, undefined, 'remoteHost')).rejects.toThrow(TypeError);
    await expect(resolveHost('', undefined, 'remoteHost')).rejects.toThrow('not a valid host name');
  });

  it('a host name needs @iolib/dns, loaded lazily; without it the error says what to install', async () => {
    const r = await resolveHost('localhost', undefined, 'remoteHost').then(
      (a) => ({ address: String(a) }),
      (e: unknown) => ({ error: String(e) }),
    );
    if ('error' in r) {
      expect(r.error).toContain('remoteHost "localhost" is a name, not an address literal');
      expect(r.error).toContain('npm install @iolib/dns');
      await expect(makeSocket({ remoteHost: 'localhost', remotePort: 1 })).rejects.toThrow('npm install @iolib/dns');
    } else {
      expect(['127.0.0.1', '::1']).toContain(r.address);
    }
  });
});

describe('port designators', () => {
  it.each([
    [0, 0],
    [80, 80],
    ['8080', 8080],
    [65535, 65535],
  ] as const)('%j → %d', async (p, n) => {
    expect(await resolvePort(p, 'tcp', 'port')).toBe(n);
  });

  it.each([-1, 65536, 1.5, Number.NaN])('%s is a RangeError', (p) => {
    expect(() => checkPort(p, 'remotePort')).toThrow(RangeError);
    expect(() => checkPort(p, 'remotePort')).toThrow(/^remotePort: .* is (outside 0–65535|not an integer)$/);
  });

  it('a service name goes through @iolib/dns lookupService when it is installed', async () => {
    const r = await resolvePort('http', 'tcp', 'remotePort').then(
      (n) => ({ port: n }),
      (e: unknown) => ({ error: String(e) }),
    );
    if ('error' in r) expect(r.error).toContain('npm install @iolib/dns');
    else expect(r.port).toBe(80);
  });

  it('a non-number is a TypeError', () => {
    expect(() => checkPort(null, 'p')).toThrow(TypeError);
  });
});

describe('filename designators', () => {
  it('paths and LocalAddress values', () => {
    expect(toLocalAddress('/tmp/a', 'f')).toMatchObject({ name: '/tmp/a', abstract: false });
    const abs = toLocalAddress(toLocalAddress('/x', 'f'), 'f');
    expect(abs.name).toBe('/x');
    expect(() => toLocalAddress(parseAddress('::1'), 'localFilename')).toThrow('localFilename: ::1 is an internet address');
    expect(() => toLocalAddress('', 'localFilename')).toThrow('empty path');
  });
});

describe('without @iolib/dns installed', () => {
  it('a host name fails with an error that names the one package to install; literals still work', async () => {
    const r = await runFixture('no-dns-child.ts');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'remoteHost "localhost" is a name, not an address literal: resolving it needs @iolib/dns, an optional peer dependency of ' +
        '@iolib/sockets that is not installed. Install it next to @iolib/sockets (npm install @iolib/dns), or pass an address instead\n' +
        'literal ok 127.0.0.1\n',
    );
  });
});

describe('checkPort messages', () => {
  it('a fraction is "not an integer", a number out of range is "outside 0–65535"', () => {
    expect(() => checkPort(80.5, 'remotePort')).toThrow('remotePort: 80.5 is not an integer');
    expect(() => checkPort(Number.NaN, 'remotePort')).toThrow('remotePort: NaN is not an integer');
    expect(() => checkPort(65536, 'remotePort')).toThrow('remotePort: 65536 is outside 0–65535');
    expect(() => checkPort(-1, 'remotePort')).toThrow('remotePort: -1 is outside 0–65535');
  });
});
