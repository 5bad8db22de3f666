import { describe, expect, it } from 'vitest';
import {
  AF_INET,
  AF_INET6,
  IP_ADD_SOURCE_MEMBERSHIP,
  IP_DROP_SOURCE_MEMBERSHIP,
  MCAST_JOIN_GROUP,
  MCAST_JOIN_SOURCE_GROUP,
  MCAST_LEAVE_GROUP,
  MCAST_LEAVE_SOURCE_GROUP,
  encodeGroupReq,
  encodeGroupSourceReq,
  encodeIpMreqSource,
  encodeSockaddrIn,
  encodeSockaddrIn6,
  encodeSockaddrUn,
  IPPROTO_IP,
  IPPROTO_IPV6,
  IPV6_JOIN_GROUP,
  IPV6_LEAVE_GROUP,
  IP_ADD_MEMBERSHIP,
  IP_DROP_MEMBERSHIP,
  LINGER_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_LINGER,
  SO_RCVTIMEO,
  SO_SNDTIMEO,
  SockaddrError,
  TIMEVAL_SIZE,
  close,
  decodeLinger,
  decodeTimeval,
  encodeIpMreqn,
  encodeIpv6Mreq,
  encodeLinger,
  encodeTimeval,
  getsockopt,
  setsockopt,
  socket,
  syscall,
} from '../src/index.js';
import { expectSameFdsOpen, qemuBug } from '../../../test-support/index.js';

expectSameFdsOpen();

function readOption(fd: number, level: number, name: number, size: number): Buffer {
  const v = Buffer.alloc(size);
  const len = new Uint32Array([size]);
  syscall('getsockopt', () => getsockopt(fd, level, name, v, len));
  expect(len[0]).toBe(size);
  return v;
}

describe('struct-valued options round-trip through the kernel', () => {
  it('SO_LINGER', () => {
    const fd = syscall('socket', () => socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    expect(decodeLinger(readOption(fd, SOL_SOCKET, SO_LINGER, LINGER_SIZE))).toEqual({ onoff: false, seconds: 0 });
    syscall('setsockopt', () => setsockopt(fd, SOL_SOCKET, SO_LINGER, encodeLinger(true, 30), LINGER_SIZE));
    expect(decodeLinger(readOption(fd, SOL_SOCKET, SO_LINGER, LINGER_SIZE))).toEqual({ onoff: true, seconds: 30 });
    close(fd);
  });

  it('SO_RCVTIMEO / SO_SNDTIMEO (2.5 s = 2 s + 500000 µs)', () => {
    const fd = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    expect(decodeTimeval(readOption(fd, SOL_SOCKET, SO_RCVTIMEO, TIMEVAL_SIZE))).toEqual({ seconds: 0, microseconds: 0 });
    syscall('setsockopt', () => setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, encodeTimeval(2.5), TIMEVAL_SIZE));
    syscall('setsockopt', () => setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, encodeTimeval(7), TIMEVAL_SIZE));
    expect(decodeTimeval(readOption(fd, SOL_SOCKET, SO_RCVTIMEO, TIMEVAL_SIZE))).toEqual({ seconds: 2, microseconds: 500000 });
    expect(decodeTimeval(readOption(fd, SOL_SOCKET, SO_SNDTIMEO, TIMEVAL_SIZE))).toEqual({ seconds: 7, microseconds: 0 });
    close(fd);
  });

  const mreqn = qemuBug(
    'it mistranslates struct ip_mreqn (imr_ifindex): IP_DROP_MEMBERSHIP after IP_ADD_MEMBERSHIP on lo by index fails with EADDRNOTAVAIL (qemu 7.2; both succeed natively)',
  );
  it.skipIf(mreqn)('IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP with ip_mreqn on lo', () => {
    const fd = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const m = encodeIpMreqn(new Uint8Array([239, 255, 42, 1]), new Uint8Array(4), 1);
    syscall('setsockopt', () => setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, m, m.length));
    syscall('setsockopt', () => setsockopt(fd, IPPROTO_IP, IP_DROP_MEMBERSHIP, m, m.length));
    expect(() => syscall('setsockopt', () => setsockopt(fd, IPPROTO_IP, IP_DROP_MEMBERSHIP, m, m.length))).toThrow(
      expect.objectContaining({ code: 'EADDRNOTAVAIL' }) as Error,
    );
    close(fd);
  });

  it('IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP with ipv6_mreq on lo', () => {
    const fd = syscall('socket', () => socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const m = encodeIpv6Mreq(new Uint16Array([0xff02, 0, 0, 0, 0, 0, 0, 0x4242]), 1);
    syscall('setsockopt', () => setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, m, m.length));
    syscall('setsockopt', () => setsockopt(fd, IPPROTO_IPV6, IPV6_LEAVE_GROUP, m, m.length));
    close(fd);
  });
});

describe('multicast requests the kernel accepts and refuses (lo, index 1)', () => {
  const v4 = (a: number[]): Buffer => encodeSockaddrIn(new Uint8Array(a), 0);
  const v6 = (a: number[]): Buffer => encodeSockaddrIn6(new Uint16Array(a), 0);
  const set = (fd: number, level: number, name: number, v: Buffer): void => {
    syscall('setsockopt', () => setsockopt(fd, level, name, v, v.length));
  };
  const refused = (fd: number, level: number, name: number, v: Buffer, code: string): void => {
    expect(() => {
      set(fd, level, name, v);
    }).toThrow(expect.objectContaining({ code }) as Error);
  };

  const mcast = qemuBug(
    'it does not implement the protocol-independent MCAST_JOIN_GROUP / MCAST_LEAVE_GROUP / MCAST_JOIN_SOURCE_GROUP / MCAST_LEAVE_SOURCE_GROUP options: setsockopt fails with ENOPROTOOPT at IPPROTO_IP and IPPROTO_IPV6 (qemu 7.2; all succeed natively)',
  );
  it.skipIf(mcast).each([
    ['IPv4', AF_INET, IPPROTO_IP, v4([239, 255, 42, 2]), v4([127, 0, 0, 1])],
    ['IPv6', AF_INET6, IPPROTO_IPV6, v6([0xff02, 0, 0, 0, 0, 0, 0, 0x4243]), v6([0, 0, 0, 0, 0, 0, 0, 1])],
  ] as const)(
    '%s: MCAST_JOIN_GROUP / MCAST_LEAVE_GROUP, then MCAST_JOIN_SOURCE_GROUP / MCAST_LEAVE_SOURCE_GROUP',
    (_, family, level, group, source) => {
      const fd = syscall('socket', () => socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
      set(fd, level, MCAST_JOIN_GROUP, encodeGroupReq(1, group));
      refused(fd, level, MCAST_JOIN_GROUP, encodeGroupReq(1, group), 'EADDRINUSE');
      set(fd, level, MCAST_LEAVE_GROUP, encodeGroupReq(1, group));
      refused(fd, level, MCAST_LEAVE_GROUP, encodeGroupReq(1, group), 'EADDRNOTAVAIL');
      set(fd, level, MCAST_JOIN_SOURCE_GROUP, encodeGroupSourceReq(1, group, source));
      set(fd, level, MCAST_LEAVE_SOURCE_GROUP, encodeGroupSourceReq(1, group, source));
      refused(fd, level, MCAST_LEAVE_SOURCE_GROUP, encodeGroupSourceReq(1, group, source), 'EINVAL'); // no such membership
      close(fd);
    },
  );

  it('IPv4: IP_ADD_SOURCE_MEMBERSHIP / IP_DROP_SOURCE_MEMBERSHIP with ip_mreq_source', () => {
    const fd = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const m = encodeIpMreqSource(new Uint8Array([232, 1, 2, 3]), new Uint8Array([127, 0, 0, 1]), new Uint8Array([127, 0, 0, 9]));
    set(fd, IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, m);
    set(fd, IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP, m);
    refused(fd, IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP, m, 'EINVAL');
    close(fd);
  });
});

describe('exact bytes and bad input', () => {
  it('layouts', () => {
    expect(encodeLinger(true, 15).toString('hex')).toBe('010000000f000000');
    expect(encodeTimeval(1.0000004).toString('hex')).toBe('0100000000000000' + '0000000000000000');
    expect(decodeTimeval(encodeTimeval(0.9999999))).toEqual({ seconds: 1, microseconds: 0 });
    expect(encodeIpMreqn(new Uint8Array([224, 0, 0, 1]), new Uint8Array([10, 0, 0, 1]), 3).toString('hex')).toBe(
      'e00000010a00000103000000',
    );
    expect(encodeIpv6Mreq(new Uint16Array([0xff02, 0, 0, 0, 0, 0, 0, 1]), 2).toString('hex')).toBe(
      'ff02' + '0'.repeat(24) + '0001' + '02000000',
    );
    expect(encodeIpMreqSource(new Uint8Array([232, 0, 0, 1]), new Uint8Array(4), new Uint8Array([10, 0, 0, 7])).toString('hex')).toBe(
      'e8000001000000000a000007',
    );
    const g = encodeSockaddrIn(new Uint8Array([239, 1, 2, 3]), 0);
    const src = encodeSockaddrIn6(new Uint16Array([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]), 0);
    const req = encodeGroupReq(7, g);
    expect([req.length, req.readUInt32LE(0), req.subarray(8, 24).equals(g), req.subarray(24).every((x) => x === 0)]).toEqual([
      136,
      7,
      true,
      true,
    ]);
    const sreq = encodeGroupSourceReq(0xffffffff, encodeSockaddrIn6(new Uint16Array([0xff3e, 0, 0, 0, 0, 0, 0, 1]), 0), src);
    expect([sreq.length, sreq.readUInt32LE(0), sreq.subarray(136, 164).equals(src)]).toEqual([264, 0xffffffff, true]);
  });

  it.each([
    [() => encodeLinger(true, -1), RangeError, 'linger seconds -1 is not an integer in 0–2147483647'],
    [() => encodeTimeval(-0.5), RangeError, 'timeout -0.5 is not a finite number of seconds ≥ 0'],
    [() => encodeTimeval(Infinity), RangeError, 'timeout Infinity is not a finite number of seconds ≥ 0'],
    [() => decodeLinger(new Uint8Array(7)), RangeError, 'struct linger needs 8 bytes, got 7'],
    [() => decodeTimeval(new Uint8Array(8)), RangeError, 'struct timeval needs 16 bytes, got 8'],
    [() => encodeIpMreqn(new Uint8Array(3), new Uint8Array(4), 0), SockaddrError, 'ip_mreqn addresses must be 4 bytes, got 3 and 4'],
    [() => encodeIpv6Mreq(new Uint16Array(4), 0), SockaddrError, 'ipv6_mreq group must be 8 words, got 4'],
    [() => encodeIpv6Mreq(new Uint16Array(8), -1), RangeError, 'interface index -1 is not an integer in 0–4294967295'],
    [
      () => encodeIpMreqSource(new Uint8Array(4), new Uint8Array(4), new Uint8Array(16)),
      SockaddrError,
      'ip_mreq_source addresses must be 4 bytes, got 4, 4 and 16',
    ],
    [
      () => encodeGroupReq(1.5, encodeSockaddrIn(new Uint8Array(4), 0)),
      RangeError,
      'interface index 1.5 is not an integer in 0–4294967295',
    ],
    [() => encodeGroupReq(0, encodeSockaddrUn('/tmp/x')), SockaddrError, 'group_req group: family 1 is neither AF_INET nor AF_INET6'],
    [() => encodeGroupReq(0, new Uint8Array(129)), SockaddrError, 'group_req group: a sockaddr of 129 bytes is not 2–128 bytes long'],
    [
      () => encodeGroupSourceReq(0, encodeSockaddrIn(new Uint8Array(4), 0), encodeSockaddrIn6(new Uint16Array(8), 0)),
      SockaddrError,
      'group_source_req: the group and the source must be of the same family',
    ],
    [
      () => encodeGroupSourceReq(0, encodeSockaddrIn(new Uint8Array(4), 0), new Uint8Array(1)),
      SockaddrError,
      'group_source_req source: a sockaddr of 1 bytes is not 2–128 bytes long',
    ],
  ] as const)('%#: %s', (run, type, message) => {
    expect(run).toThrow(type);
    expect(run).toThrow(message);
  });
});
