import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCKADDR_STORAGE_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_STREAM,
  SockaddrError,
  UnixPathTooLongError,
  bind,
  close,
  decodeSockaddr,
  encodeSockaddr,
  encodeSockaddrIn,
  encodeSockaddrIn6,
  encodeSockaddrUn,
  getsockname,
  sockaddrFamily,
  socket,
  syscall,
  type Sockaddr,
  type SockaddrInput,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';

expectSameFdsOpen();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iolib-sa-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function boundName(fd: number): { sa: Sockaddr; length: number } {
  const buf = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
  const len = new Uint32Array([buf.length]);
  syscall('getsockname', () => getsockname(fd, buf, len));
  return { sa: decodeSockaddr(buf, len[0]), length: len[0]! };
}

describe('encode → exact bytes', () => {
  it('sockaddr_in: family LE, port and address in network order', () => {
    expect([...encodeSockaddrIn(new Uint8Array([192, 168, 1, 2]), 0x1f90)]).toEqual([
      2, 0, 0x1f, 0x90, 192, 168, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('sockaddr_in6: flowinfo big-endian, scope id host order', () => {
    const b = encodeSockaddrIn6(new Uint16Array([0xfe80, 0, 0, 0, 0, 0, 0, 0xabcd]), 53, 7, 0x12345);
    expect(b.length).toBe(28);
    expect(b.toString('hex')).toBe('0a000035' + '00012345' + 'fe80' + '0'.repeat(24) + 'abcd' + '07000000');
  });

  it.each([
    ['/tmp/x', false, '0100' + Buffer.from('/tmp/x').toString('hex') + '00'],
    ['abc', true, '0100' + '00' + Buffer.from('abc').toString('hex')],
    ['', true, '010000'],
    ['', false, '0100'],
  ] as const)('sockaddr_un %j abstract=%s has exact length, no padding', (path, abstract, hex) => {
    expect(encodeSockaddrUn(path, abstract).toString('hex')).toBe(hex);
  });

  it('fills a caller buffer for reuse', () => {
    const into = Buffer.alloc(SOCKADDR_STORAGE_SIZE, 0xff);
    expect(encodeSockaddrIn(new Uint8Array([10, 0, 0, 1]), 1, into)).toBe(into);
    expect(decodeSockaddr(into, 16)).toEqual({ family: 'ipv4', address: new Uint8Array([10, 0, 0, 1]), port: 1 });
    expect(() => encodeSockaddrIn6(new Uint16Array(8), 1, 0, 0, Buffer.alloc(20))).toThrow(SockaddrError);
  });

  it('sockaddrFamily reads sa_family', () => {
    expect(sockaddrFamily(encodeSockaddrIn(new Uint8Array(4), 0))).toBe(AF_INET);
    expect(sockaddrFamily(encodeSockaddrIn6(new Uint16Array(8), 0))).toBe(AF_INET6);
    expect(sockaddrFamily(encodeSockaddrUn('x', true))).toBe(AF_UNIX);
    expect(sockaddrFamily(new Uint8Array(1))).toBe(0);
  });
});

describe('round trips', () => {
  it.each<SockaddrInput>([
    { family: 'ipv4', address: new Uint8Array([127, 0, 0, 1]), port: 80 },
    { family: 'ipv4', address: new Uint8Array([255, 255, 255, 255]), port: 65535 },
    { family: 'ipv6', address: new Uint16Array([0, 0, 0, 0, 0, 0, 0, 1]), port: 443, scopeId: 0, flowinfo: 0 },
    {
      family: 'ipv6',
      address: new Uint16Array([0xfe80, 0, 0, 0, 0x1234, 0x5678, 0x9abc, 0xdef0]),
      port: 1,
      scopeId: 4294967295,
      flowinfo: 0xfffff,
    },
    { family: 'local', path: '/run/app.sock', abstract: false },
    { family: 'local', path: 'svc\u0000with-nul', abstract: true },
    { family: 'local', path: 'ünïcödé', abstract: true },
    { family: 'local', path: '', abstract: false },
  ])('%o', (input) => {
    expect(decodeSockaddr(encodeSockaddr(input))).toEqual(input);
  });

  it('property: any IPv4 vector and port', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 65535 }), (v, port) => {
        expect(decodeSockaddr(encodeSockaddrIn(v, port))).toEqual({ family: 'ipv4', address: v, port });
      }),
    );
  });

  it('property: any IPv6 vector, port, scope id and flowinfo', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.nat(),
        fc.nat(),
        (words, port, scopeId, flowinfo) => {
          const address = Uint16Array.from(words);
          expect(decodeSockaddr(encodeSockaddrIn6(address, port, scopeId, flowinfo))).toEqual({
            family: 'ipv6',
            address,
            port,
            scopeId,
            flowinfo,
          });
        },
      ),
    );
  });

  it('property: any abstract name of 0–107 bytes keeps its exact length', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 107 }).filter((s) => Buffer.byteLength(s) <= 107),
        (name) => {
          const b = encodeSockaddrUn(name, true);
          expect(b.length).toBe(3 + Buffer.byteLength(name));
          expect(decodeSockaddr(b)).toEqual({ family: 'local', path: name, abstract: true });
        },
      ),
    );
  });
});

describe('bad input is a typed error naming it', () => {
  const long = '/tmp/' + 'x'.repeat(103); // 108 bytes

  it('a 108-byte path: UnixPathTooLongError with the path, its length and the limit', () => {
    let caught: unknown;
    try {
      encodeSockaddrUn(long);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnixPathTooLongError);
    expect(caught).toBeInstanceOf(RangeError);
    expect(caught).toMatchObject({ path: long, byteLength: 108, limit: 107, code: 'ENAMETOOLONG' });
    expect((caught as Error).message).toBe(`Unix socket path "${long}" is 108 bytes long; at most 107 fit in sun_path`);
  });

  it('a 108-byte abstract name, and multi-byte characters counted in bytes', () => {
    expect(() => encodeSockaddrUn('n'.repeat(108), true)).toThrow(/abstract Unix socket name "n{108}" is 108 bytes long/);
    expect(() => encodeSockaddrUn('é'.repeat(54))).toThrow(UnixPathTooLongError);
    expect(encodeSockaddrUn('é'.repeat(53)).length).toBe(2 + 106 + 1);
  });

  it.each([
    [() => encodeSockaddrUn('/tmp/a\u0000b'), 'Unix socket path "/tmp/a\\u0000b" contains a NUL byte'],
    [() => encodeSockaddrIn(new Uint8Array(4), 65536), 'port 65536 is not an integer in 0–65535'],
    [() => encodeSockaddrIn(new Uint8Array(4), -1), 'port -1 is not an integer in 0–65535'],
    [() => encodeSockaddrIn(new Uint8Array(4), 1.5), 'port 1.5 is not an integer in 0–65535'],
    [() => encodeSockaddrIn(new Uint8Array(5), 1), 'IPv4 address vector has 5 bytes, expected 4'],
    [() => encodeSockaddrIn6(new Uint16Array(7), 1), 'IPv6 address vector has 7 words, expected 8'],
    [() => encodeSockaddrIn6(new Uint16Array(8), 1, -1), 'IPv6 scope id -1 is not an integer in 0–4294967295'],
    [() => decodeSockaddr(Buffer.alloc(16), 17), 'sockaddr length 17 exceeds its 16-byte buffer (truncated by the kernel)'],
    [() => decodeSockaddr(Buffer.from([16, 0, 0, 0])), 'sockaddr family 16 is not AF_INET, AF_INET6 or AF_UNIX'],
    [() => decodeSockaddr(Buffer.from([2, 0, 0, 0])), 'sockaddr_in of 4 bytes is too short (needs 8)'],
    [() => decodeSockaddr(Buffer.from([10, 0, 0, 0, 0, 0, 0, 0])), 'sockaddr_in6 of 8 bytes is too short (needs 24)'],
  ])('%#: %s', (run, message) => {
    expect(run).toThrow(SockaddrError);
    expect(run).toThrow(message);
  });

  it('zero length and AF_UNSPEC decode as unspec', () => {
    expect(decodeSockaddr(Buffer.alloc(16), 0)).toEqual({ family: 'unspec' });
    expect(decodeSockaddr(Buffer.alloc(16))).toEqual({ family: 'unspec' });
  });
});

describe('the kernel agrees', () => {
  it('an abstract name binds exactly: getsockname gives 2+1+len bytes, /proc/net/unix shows @name with no padding', () => {
    const name = `iolib-abstract-${process.pid}-${Date.now()}`;
    const fd = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sa = encodeSockaddrUn(name, true);
    syscall('bind', () => bind(fd, sa, sa.length));
    expect(boundName(fd)).toEqual({ sa: { family: 'local', path: name, abstract: true }, length: 3 + name.length });
    const lines = readFileSync('/proc/net/unix', 'utf8')
      .split('\n')
      .filter((l) => l.includes(name));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith(` @${name}`)).toBe(true);
    close(fd);
  });

  it('a 107-byte path binds and reads back; 108 bytes never reaches the kernel', () => {
    const path = join(dir, 'p'.repeat(107 - dir.length - 1));
    expect(Buffer.byteLength(path)).toBe(107);
    const fd = syscall('socket', () => socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sa = encodeSockaddrUn(path);
    expect(sa.length).toBe(110);
    syscall('bind', () => bind(fd, sa, sa.length), { path });
    expect(boundName(fd).sa).toEqual({ family: 'local', path, abstract: false });
    expect(() => encodeSockaddrUn(path + 'q')).toThrow(UnixPathTooLongError);
    close(fd);
  });

  it('an unnamed socket binds with the bare family (autobind) to a 5-hex-digit abstract name', () => {
    const fd = syscall('socket', () => socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    expect(boundName(fd)).toEqual({ sa: { family: 'local', path: '', abstract: false }, length: 2 });
    const sa = encodeSockaddrUn('');
    syscall('bind', () => bind(fd, sa, sa.length));
    const { sa: got, length } = boundName(fd);
    expect(length).toBe(8);
    expect(got).toMatchObject({ family: 'local', abstract: true });
    expect((got as { path: string }).path).toMatch(/^[0-9a-f]{5}$/);
    close(fd);
  });

  const unshare = spawnSync('unshare', ['-rn', 'true']).status === 0;
  if (!unshare) console.warn('skipping the IPv6 scope id kernel test: `unshare -rn` (user + network namespace) is not available here');
  it.skipIf(!unshare)('an IPv6 link-local address with a scope id binds, sends and reads back (fresh network namespace)', () => {
    const probe = fileURLToPath(new URL('./support/scope-probe.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const script = `ip link set lo up && ip addr add fe80::1/64 dev lo nodad && exec node --conditions=@iolib/source --import tsx ${probe} 1`;
    const run = spawnSync('unshare', ['-rn', 'sh', '-c', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { bound: { port: number }; sender: unknown; data: string };
    const fe80 = [0xfe80, 0, 0, 0, 0, 0, 0, 1];
    expect(out.bound).toEqual({ family: 'ipv6', address: fe80, port: out.bound.port, scopeId: 1, flowinfo: 0 });
    expect(out.sender).toEqual(out.bound);
    expect(out.data).toBe('scoped');
  });
});
