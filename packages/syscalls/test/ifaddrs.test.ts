import { describe, expect, it } from 'vitest';
import koffi from 'koffi';
import {
  decodeIfaSockaddr,
  decodeRtnlLinkStats,
  freeifaddrs,
  getifaddrs,
  decodeIfaddrs,
  listIfaddrs,
  listIfNameIndex,
  type IfaSockaddr,
} from '../src/index.js';
import { expectNoFdLeak, ipAddrs, stable } from '../../../test-support/index.js';

const haveIp = ipAddrs() !== null;
if (!haveIp) console.warn('syscalls ifaddrs: iproute2 (`ip -j`) missing, comparisons with it are skipped');

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
const dotted = (b: Uint8Array): string => b.join('.');
const v6hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
/** iproute2's IPv6 text → 32 hex digits. */
function expand6(text: string): string {
  const [head = '', tail] = text.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0')).join('');
}
function prefix(mask: IfaSockaddr | null): number {
  if (mask === null || mask.family === 'other' || mask.family === 'packet') return -1;
  let n = 0;
  for (const byte of mask.address) for (let bit = 7; bit >= 0; bit--) n += (byte >> bit) & 1;
  return n;
}

expectNoFdLeak();

describe('getifaddrs', () => {
  it.skipIf(!haveIp)('gives one link entry per interface with index, hardware type and address as `ip -j addr`', () => {
    const { ip: before, ours: entries } = stable(
      () => ipAddrs()!,
      listIfaddrs,
      (l) => l.map((x) => [x.ifindex, x.ifname, x.address, x.addr_info.map((a) => a.local)]),
    );
    const links = entries.filter((e) => e.addr === null || e.addr.family === 'packet');
    expect(links.map((e) => e.name)).toEqual(before.map((l) => l.ifname));
    for (const l of before) {
      const e = links.find((x) => x.name === l.ifname)!;
      expect(e.stats).not.toBeNull();
      if (l.address === undefined) {
        expect(e.addr).toBeNull();
        continue;
      }
      expect(e.addr).toMatchObject({ family: 'packet', ifindex: l.ifindex });
      if (e.addr?.family !== 'packet') throw new Error('not AF_PACKET');
      expect(hex(e.addr.address)).toBe(l.address);
      expect(e.addr.hatype).toBe({ ether: 1, loopback: 772, none: 65534 }[l.link_type] ?? e.addr.hatype);
      if (l.broadcast !== undefined && e.ifu?.family === 'packet') expect(hex(e.ifu.address)).toBe(l.broadcast);
    }
    for (const l of before) {
      const mine = entries.filter((e) => e.addr?.family === 'inet' || e.addr?.family === 'inet6');
      for (const a of l.addr_info) {
        const fam = a.family === 'inet' ? 'inet' : 'inet6';
        const name = a.label ?? l.ifname;
        const e = mine.find(
          (x) =>
            x.name === name &&
            x.addr?.family === fam &&
            (fam === 'inet' ? dotted(x.addr.address) === a.local : v6hex(x.addr.address) === expand6(a.local)) &&
            prefix(x.netmask) === a.prefixlen,
        );
        expect(e, `${name} ${a.local}`).toBeDefined();
        if (e?.addr?.family === 'inet6') expect(e.addr.scopeId).toBe(a.scope === 'link' ? l.ifindex : 0);
        if (e?.addr?.family === 'inet' && a.broadcast !== undefined && e.ifu?.family === 'inet')
          expect(dotted(e.ifu.address)).toBe(a.broadcast);
      }
    }
  });

  it('lists loopback with IFF_LOOPBACK and equal rx/tx counters', () => {
    const lo = listIfaddrs().find((e) => e.name === 'lo' && e.addr?.family === 'packet')!;
    expect(lo.flags & 0x8).toBe(0x8);
    expect(lo.stats!.rxPackets).toBe(lo.stats!.txPackets);
    expect(lo.stats!.rxBytes).toBe(lo.stats!.txBytes);
    expect(lo.addr).toMatchObject({ family: 'packet', hatype: 772, address: new Uint8Array(6) });
    const index = listIfNameIndex().find((e) => e.name === 'lo')!.index;
    expect(lo.addr).toMatchObject({ ifindex: index });
  });

  it('works through the raw binding and frees the list', () => {
    const out: [bigint | null] = [null];
    expect(getifaddrs(out)).toBe(0);
    expect(typeof out[0]).toBe('bigint');
    try {
      expect(decodeIfaddrs(out[0]!).length).toBeGreaterThan(0);
    } finally {
      freeifaddrs(out[0]!);
    }
  });
});

describe('decodeIfaSockaddr', () => {
  const at = (b: Buffer): bigint => koffi.address(b);

  it('decodes sockaddr_in', () => {
    const b = Buffer.alloc(16);
    b.writeUInt16LE(2, 0);
    b.writeUInt16BE(8080, 2);
    b.set([192, 0, 2, 7], 4);
    expect(decodeIfaSockaddr(at(b))).toEqual({ family: 'inet', port: 8080, address: Uint8Array.of(192, 0, 2, 7) });
  });

  it('decodes sockaddr_in6 with flow info and scope id', () => {
    const b = Buffer.alloc(28);
    b.writeUInt16LE(10, 0);
    b.writeUInt16BE(53, 2);
    b.writeUInt32BE(0x12345, 4);
    b.set([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 8);
    b.writeUInt32LE(7, 24);
    const d = decodeIfaSockaddr(at(b));
    expect(d).toEqual({
      family: 'inet6',
      port: 53,
      flowInfo: 0x12345,
      address: Uint8Array.from([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
      scopeId: 7,
    });
  });

  it.each([
    [6, [2, 0, 0, 0, 0x77, 1]],
    [0, []],
    [20, Array.from({ length: 20 }, (_, i) => i)],
  ])('decodes sockaddr_ll with a %i-byte hardware address', (halen, bytes) => {
    const b = Buffer.alloc(36);
    b.writeUInt16LE(17, 0);
    b.writeUInt16BE(0x0800, 2);
    b.writeInt32LE(5, 4);
    b.writeUInt16LE(1, 8);
    b.writeUInt8(3, 10);
    b.writeUInt8(halen, 11);
    b.set(bytes, 12);
    expect(decodeIfaSockaddr(at(b))).toEqual({
      family: 'packet',
      protocol: 0x0800,
      ifindex: 5,
      hatype: 1,
      pkttype: 3,
      address: Uint8Array.from(bytes),
    });
  });

  it('caps sll_halen at the 24 bytes getifaddrs allocates', () => {
    const b = Buffer.alloc(36);
    b.writeUInt16LE(17, 0);
    b.writeUInt8(200, 11);
    const d = decodeIfaSockaddr(at(b));
    expect(d.family === 'packet' && d.address.length).toBe(24);
  });

  it('names other families by number', () => {
    const b = Buffer.alloc(16);
    b.writeUInt16LE(16, 0);
    expect(decodeIfaSockaddr(at(b))).toEqual({ family: 'other', saFamily: 16 });
  });

  it('copies: the result does not alias the memory', () => {
    const b = Buffer.alloc(16);
    b.writeUInt16LE(2, 0);
    b.set([10, 0, 0, 1], 4);
    const d = decodeIfaSockaddr(at(b));
    b.fill(0);
    expect(d).toMatchObject({ address: Uint8Array.of(10, 0, 0, 1) });
  });
});

describe('decodeRtnlLinkStats', () => {
  it('reads the first ten 32-bit counters in order', () => {
    const b = Buffer.alloc(23 * 4);
    for (let i = 0; i < 23; i++) b.writeUInt32LE(i === 2 ? 0xffffffff : i + 1, i * 4);
    expect(decodeRtnlLinkStats(koffi.address(b))).toEqual({
      rxPackets: 1,
      txPackets: 2,
      rxBytes: 0xffffffff,
      txBytes: 4,
      rxErrors: 5,
      txErrors: 6,
      rxDropped: 7,
      txDropped: 8,
      multicast: 9,
      collisions: 10,
    });
  });
});
