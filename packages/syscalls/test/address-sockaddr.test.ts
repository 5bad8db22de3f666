import { IPv4Address, IPv6Address, LocalAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import {
  AF_INET,
  SOCKADDR_STORAGE_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SockaddrError,
  UnixPathTooLongError,
  addressToSockaddr,
  bind,
  close,
  decodeSockaddr,
  getsockname,
  indexToName,
  ipv6ScopeId,
  sockaddrToAddress,
  socket,
  syscall,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';

expectSameFdsOpen();

describe('@iolib/address values ↔ sockaddr', () => {
  it('IPv4Address + port', () => {
    const sa = addressToSockaddr(IPv4Address.parse('192.0.2.7'), 4242);
    expect(decodeSockaddr(sa)).toEqual({ family: 'ipv4', address: new Uint8Array([192, 0, 2, 7]), port: 4242 });
    const back = sockaddrToAddress(sa);
    expect(back).not.toBeNull();
    expect(String(back!.address)).toBe('192.0.2.7');
    expect(back).toMatchObject({ port: 4242 });
  });

  it('IPv6Address with a zone name → scope id → the same zone name', () => {
    const lo = indexToName(1);
    expect(lo).toBe('lo');
    const sa = addressToSockaddr(IPv6Address.parse('fe80::1%lo'), 53);
    expect(decodeSockaddr(sa)).toMatchObject({ family: 'ipv6', scopeId: 1, port: 53 });
    const back = sockaddrToAddress(sa) as { address: IPv6Address; port: number };
    expect([back.address.toString(), back.address.zone, back.port]).toEqual(['fe80::1%lo', 'lo', 53]);
  });

  it('a numeric zone is the index; an index with no interface decodes as its number', () => {
    expect(ipv6ScopeId('4242')).toBe(4242);
    expect(ipv6ScopeId(undefined)).toBe(0);
    const back = sockaddrToAddress(addressToSockaddr(new IPv6Address([0xfe80, 0, 0, 0, 0, 0, 0, 2], '4242'), 1));
    expect((back!.address as IPv6Address).zone).toBe('4242');
  });

  it('an unknown zone name or an out-of-range index is a SockaddrError naming it', () => {
    expect(() => ipv6ScopeId('no-such-if0')).toThrow(new SockaddrError('IPv6 zone "no-such-if0" names no network interface'));
    expect(() => ipv6ScopeId('4294967296')).toThrow('IPv6 zone "4294967296" is not an interface index in 0–4294967295');
  });

  it('LocalAddress: paths and exact-length abstract names', () => {
    const abs = addressToSockaddr(new LocalAddress('svc', true));
    expect(abs.length).toBe(6);
    expect(sockaddrToAddress(abs)).toEqual({ address: new LocalAddress('svc', true) });
    expect(sockaddrToAddress(addressToSockaddr(new LocalAddress('/run/x.sock')))).toEqual({ address: new LocalAddress('/run/x.sock') });
    expect(() => addressToSockaddr(new LocalAddress('/' + 'x'.repeat(107)))).toThrow(UnixPathTooLongError);
  });

  it('IPv4 decodes from the bytes the kernel reported, not the buffer size', () => {
    const big = Buffer.alloc(SOCKADDR_STORAGE_SIZE, 0xee);
    addressToSockaddr(IPv4Address.parse('10.1.2.3'), 65535).copy(big);
    for (const length of [8, 16, SOCKADDR_STORAGE_SIZE]) {
      const got = sockaddrToAddress(big, length) as { address: IPv4Address; port: number };
      expect([got.address.toString(), got.port]).toEqual(['10.1.2.3', 65535]);
    }
    expect(() => sockaddrToAddress(big, 7)).toThrow(new SockaddrError('sockaddr_in of 7 bytes is too short (needs 8)'));
    expect(() => sockaddrToAddress(big, 8.5)).toThrow(SockaddrError);
    expect(() => sockaddrToAddress(big.subarray(0, 12), 16)).toThrow(
      'sockaddr length 16 exceeds its 12-byte buffer (truncated by the kernel)',
    );
  });

  it('no address decodes as null', () => {
    expect(sockaddrToAddress(Buffer.alloc(16), 0)).toBeNull();
  });

  it('the kernel binds what we encode and we read back the same value', () => {
    const fd = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sa = addressToSockaddr(IPv4Address.parse('127.0.0.1'), 0);
    syscall('bind', () => bind(fd, sa, sa.length));
    const out = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
    const len = new Uint32Array([out.length]);
    syscall('getsockname', () => getsockname(fd, out, len));
    const got = sockaddrToAddress(out, len[0]) as { address: IPv4Address; port: number };
    expect(got.address.toString()).toBe('127.0.0.1');
    expect(got.port).toBeGreaterThan(0);
    close(fd);
  });
});
