/**
 * @iolib/address against ipaddr.js and ip-address, interleaved in one process:
 * parsing IPv4 and IPv6 text (targets ≥ 4× ipaddr.js), formatting (≥ 2×),
 * and prefix containment. Every contender works through the same pool of
 * random addresses, and every result feeds a checksum so no work is skipped.
 */
import { IPv4Address, IPv6Address, parsePrefix, type InetAddress, type Prefix } from '@iolib/address';
import { Address4, Address6 } from 'ip-address';
import ipaddr from 'ipaddr.js';
import { compare } from '../harness.js';

/** A deterministic PRNG (mulberry32), so every run parses the same pool. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = 1024;

function ipv4Pool(random: () => number): string[] {
  return Array.from({ length: POOL }, () => Array.from({ length: 4 }, () => Math.floor(random() * 256)).join('.'));
}

/** IPv6 text in its usual shapes: compressed runs, full form, mapped. */
function ipv6Pool(random: () => number): string[] {
  return Array.from({ length: POOL }, (_, i) => {
    const g = Array.from({ length: 8 }, () => Math.floor(random() * 65536));
    if (i % 4 === 0) g.fill(0, 2, 6);
    if (i % 4 === 1) g.fill(0, 4, 7);
    if (i % 8 === 2) return `::ffff:${ipv4Pool(random)[0]!}`;
    return new IPv6Address(g).toString();
  });
}

let sink = 0;

/**
 * Runs every comparison with `ops` operations per round.
 *
 * @param ops - operations per round per contender
 * @param rounds - rounds (7 by default)
 */
export async function run(ops: number, rounds = 7): Promise<void> {
  const random = prng(0x10119);
  // A JSON round trip makes every string flat, as text read from a file or socket is.
  const v4 = JSON.parse(JSON.stringify(ipv4Pool(random))) as string[];
  const v6 = JSON.parse(JSON.stringify(ipv6Pool(random))) as string[];
  const mask = POOL - 1;

  await compare('IPv4 parse', {
    ops,
    rounds,
    unit: 'parse',
    target: { peer: 'ipaddr.js', ratio: 4 },
    ours: {
      name: 'iolib IPv4Address.parse',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += IPv4Address.parse(v4[i & mask]!).toNumber() & 1;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipaddr.IPv4.parse(v4[i & mask]!).octets[3]! & 1;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += new Address4(v4[i & mask]!).subnetMask & 1;
        },
      },
    ],
  });

  await compare('IPv6 parse', {
    ops,
    rounds,
    unit: 'parse',
    target: { peer: 'ipaddr.js', ratio: 4 },
    ours: {
      name: 'iolib IPv6Address.parse',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += IPv6Address.parse(v6[i & mask]!).bits & 1;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipaddr.IPv6.parse(v6[i & mask]!).parts[7]! & 1;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += new Address6(v6[i & mask]!).subnetMask & 1;
        },
      },
    ],
  });

  const ours4 = v4.map((s) => IPv4Address.parse(s));
  const peer4 = v4.map((s) => ipaddr.IPv4.parse(s));
  const ipa4 = v4.map((s) => new Address4(s));
  await compare('IPv4 format', {
    ops,
    rounds,
    unit: 'format',
    target: { peer: 'ipaddr.js', ratio: 2 },
    ours: {
      name: 'iolib toString',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += ours4[i & mask]!.toString().length;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += peer4[i & mask]!.toString().length;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipa4[i & mask]!.correctForm().length;
        },
      },
    ],
  });

  const ours6 = v6.map((s) => IPv6Address.parse(s));
  const peer6 = v6.map((s) => ipaddr.IPv6.parse(s));
  const ipa6 = v6.map((s) => new Address6(s));
  await compare('IPv6 format (RFC 5952)', {
    ops,
    rounds,
    unit: 'format',
    target: { peer: 'ipaddr.js', ratio: 2 },
    ours: {
      name: 'iolib toString',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += ours6[i & mask]!.toString().length;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += peer6[i & mask]!.toString().length;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipa6[i & mask]!.correctForm().length;
        },
      },
    ],
  });

  const nets = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
  const ourNets: Prefix[] = nets.map((s) => parsePrefix(s));
  const peerNets = nets.map((s) => ipaddr.IPv4.parseCIDR(s));
  const ipaNets = nets.map((s) => new Address4(s));
  const ourAddrs: InetAddress[] = ours4;
  await compare('IPv4 prefix contains', {
    ops,
    rounds,
    unit: 'check',
    ours: {
      name: 'iolib Prefix.contains',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += ourNets[i & 3]!.contains(ourAddrs[i & mask]!) ? 1 : 0;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += peer4[i & mask]!.match(peerNets[i & 3]!) ? 1 : 0;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipa4[i & mask]!.isInSubnet(ipaNets[i & 3]!) ? 1 : 0;
        },
      },
    ],
  });

  const nets6 = ['2001:db8::/32', 'fe80::/10', 'fc00::/7', '::ffff:0:0/96'];
  const ourNets6: Prefix[] = nets6.map((s) => parsePrefix(s));
  const peerNets6 = nets6.map((s) => ipaddr.IPv6.parseCIDR(s));
  const ipaNets6 = nets6.map((s) => new Address6(s));
  const ourAddrs6: InetAddress[] = ours6;
  await compare('IPv6 prefix contains', {
    ops,
    rounds,
    unit: 'check',
    ours: {
      name: 'iolib Prefix.contains',
      run: (n) => {
        for (let i = 0; i < n; i++) sink += ourNets6[i & 3]!.contains(ourAddrs6[i & mask]!) ? 1 : 0;
      },
    },
    peers: [
      {
        name: 'ipaddr.js',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += peer6[i & mask]!.match(peerNets6[i & 3]!) ? 1 : 0;
        },
      },
      {
        name: 'ip-address',
        run: (n) => {
          for (let i = 0; i < n; i++) sink += ipa6[i & mask]!.isInSubnet(ipaNets6[i & 3]!) ? 1 : 0;
        },
      },
    ],
  });
  if (sink < 0) console.log(sink); // keeps the checksum observable
}

/** `pnpm bench address`. */
export default async function (): Promise<void> {
  await run(200_000);
}
