import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  AF_UNIX,
  IFF_LOOPBACK,
  IFF_UP,
  IFNAMSIZ,
  IFREQ_DATA_OFFSET,
  IFREQ_SIZE,
  SIOCGIFFLAGS,
  SIOCGIFHWADDR,
  SIOCGIFINDEX,
  SIOCGIFMTU,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  close,
  decodeIfNameIndex,
  errno,
  if_freenameindex,
  if_indextoname,
  if_nameindex,
  if_nametoindex,
  indexToName,
  ioctl_ifreq,
  listIfNameIndex,
  makeIfreq,
  nameToIndex,
  socket,
  syscall,
} from '../src/index.js';
import { expectNoFdLeak, ipLinks, stable as stableSnapshot, type IpLink } from '../../../test-support/index.js';

const haveIp = ipLinks() !== null;
if (!haveIp) console.warn('syscalls if: iproute2 (`ip -j`) missing, comparisons with it are skipped');

/** Ours, taken while interface names, indexes and MTUs hold still (other suites add interfaces). */
function stable<T>(ours: () => T): { ip: IpLink[]; ours: T } {
  return stableSnapshot(
    () => ipLinks()!,
    ours,
    (l) => l.map((x) => [x.ifindex, x.ifname, x.mtu]),
  );
}

expectNoFdLeak();

describe('if_nameindex', () => {
  it.skipIf(!haveIp)('lists what `ip -j link` lists, in order', () => {
    const { ip, ours } = stable(listIfNameIndex);
    expect(ours).toEqual(ip.map((l) => ({ index: l.ifindex, name: l.ifname })));
  });

  it('decodes the raw array up to its terminator and frees it', () => {
    const p = if_nameindex();
    expect(typeof p).toBe('bigint');
    try {
      const entries = decodeIfNameIndex(p!);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.some((e) => e.name === 'lo')).toBe(true);
    } finally {
      if_freenameindex(p!);
    }
  });
});

describe('if_nametoindex / if_indextoname', () => {
  it('round-trips every interface', () => {
    for (const { index, name } of listIfNameIndex()) {
      expect(nameToIndex(name)).toBe(index);
      expect(if_nametoindex(name)).toBe(index);
      expect(indexToName(index)).toBe(name);
      const buf = Buffer.alloc(IFNAMSIZ);
      expect(if_indextoname(index, buf)).not.toBeNull();
      expect(buf.toString('utf8', 0, buf.indexOf(0))).toBe(name);
    }
  });

  it('reports unknown names as 0 with errno ENODEV', () => {
    expect(if_nametoindex('nosuchif0')).toBe(0);
    expect(errno()).toBe(19);
    expect(nameToIndex('nosuchif0')).toBe(0);
    expect(nameToIndex('x'.repeat(IFNAMSIZ))).toBe(0);
    expect(nameToIndex('')).toBe(0);
  });

  it('reports unknown indexes as null with errno ENXIO', () => {
    expect(if_indextoname(0x7ffffffe, Buffer.alloc(IFNAMSIZ))).toBeNull();
    expect(errno()).toBe(6);
    expect(indexToName(0)).toBeNull();
    expect(indexToName(0x7ffffffe)).toBeNull();
    expect(indexToName(0xffffffff)).toBeNull();
  });

  it.each([[-1], [1.5], [2 ** 32], [Number.NaN]])('indexToName(%d) throws RangeError', (n) => {
    expect(() => indexToName(n)).toThrow(RangeError);
  });
});

describe('ioctl with struct ifreq', () => {
  it('makeIfreq lays out ifr_name and zeroes the rest', () => {
    const ifr = makeIfreq('eth0');
    expect(ifr.length).toBe(IFREQ_SIZE);
    expect(ifr.toString('latin1', 0, 5)).toBe('eth0\0');
    expect(ifr.subarray(4).every((b) => b === 0)).toBe(true);
    expect(makeIfreq('a'.repeat(15)).subarray(0, 16).toString('latin1')).toBe(`${'a'.repeat(15)}\0`);
  });

  it.each([[''], ['a'.repeat(16)], ['a\0b']])('makeIfreq(%j) throws RangeError', (name) => {
    expect(() => makeIfreq(name)).toThrow(RangeError);
  });

  it.skipIf(!haveIp)('SIOCGIFMTU, SIOCGIFINDEX, SIOCGIFHWADDR and SIOCGIFFLAGS agree with the kernel', () => {
    const fd = syscall('socket', () => socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    try {
      const ask = (request: number, name: string): Buffer => {
        const ifr = makeIfreq(name);
        syscall('ioctl', () => ioctl_ifreq(fd, request, ifr));
        return ifr;
      };
      const { ip, ours } = stable(() =>
        listIfNameIndex().map((e) => ({ ...e, mtu: ask(SIOCGIFMTU, e.name).readInt32LE(IFREQ_DATA_OFFSET) })),
      );
      expect(ours).toEqual(ip.map((l) => ({ index: l.ifindex, name: l.ifname, mtu: l.mtu })));
      for (const { index, name } of ours) {
        expect(ask(SIOCGIFINDEX, name).readInt32LE(IFREQ_DATA_OFFSET)).toBe(index);
        expect(ask(SIOCGIFMTU, name).readInt32LE(IFREQ_DATA_OFFSET)).toBe(Number(readFileSync(`/sys/class/net/${name}/mtu`, 'utf8')));
        expect(ask(SIOCGIFHWADDR, name).readUInt16LE(IFREQ_DATA_OFFSET)).toBe(Number(readFileSync(`/sys/class/net/${name}/type`, 'utf8')));
      }
      const lo = ask(SIOCGIFFLAGS, 'lo').readUInt16LE(IFREQ_DATA_OFFSET);
      expect(lo & IFF_LOOPBACK).toBe(IFF_LOOPBACK);
      expect(ask(SIOCGIFFLAGS, 'lo').readUInt16LE(IFREQ_DATA_OFFSET) & IFF_UP).toBe(
        ip.find((l) => l.ifname === 'lo')!.flags.includes('UP') ? IFF_UP : 0,
      );
      expect(ioctl_ifreq(fd, SIOCGIFMTU, makeIfreq('nosuchif0'))).toBe(-1);
      expect(errno()).toBe(19);
    } finally {
      close(fd);
    }
  });

  it('refuses a buffer shorter than struct ifreq', () => {
    expect(() => ioctl_ifreq(0, SIOCGIFMTU, Buffer.alloc(IFREQ_SIZE - 1))).toThrow(RangeError);
  });
});
