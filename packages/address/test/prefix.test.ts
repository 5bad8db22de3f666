/// <reference types="node" />
import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IPv4Address,
  IPv4Network,
  IPv6Address,
  IPv6Network,
  Prefix,
  collapsePrefixes,
  excludePrefix,
  parseAddress,
  parsePrefix,
  summarizeRange,
  type InetAddress,
} from '../src/index.js';
import { FC, havePython, python } from './oracle.js';

const p = (text: string): Prefix => parsePrefix(text);
const strings = (list: Iterable<unknown>): string[] => [...list].map(String);

describe('prefix operations', () => {
  it('size, first, last, hosts', () => {
    const net = p('192.0.2.0/30');
    expect(net.size).toBe(4n);
    expect(net.first.toString()).toBe('192.0.2.0');
    expect(net.last.toString()).toBe('192.0.2.3');
    expect(strings(net.hosts())).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(strings(p('192.0.2.0/31').hosts())).toEqual(['192.0.2.0', '192.0.2.1']);
    expect(strings(p('192.0.2.7/32').hosts())).toEqual(['192.0.2.7']);
    expect(strings(p('2001:db8::/126').hosts())).toEqual(['2001:db8::1', '2001:db8::2', '2001:db8::3']);
    expect(strings(p('2001:db8::/127').hosts())).toEqual(['2001:db8::', '2001:db8::1']);
    expect(p('::/0').size).toBe(1n << 128n);
  });

  it('subnets and supernet', () => {
    expect(strings(p('10.0.0.0/23').subnets())).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(strings(p('10.0.0.0/24').subnets(26))).toEqual(['10.0.0.0/26', '10.0.0.64/26', '10.0.0.128/26', '10.0.0.192/26']);
    expect(p('10.1.0.0/16').supernet(8).toString()).toBe('10.0.0.0/8');
    expect(p('10.1.0.0/16').supernet().toString()).toBe('10.0.0.0/15');
    expect(p('2001:db8:8000::/33').supernet().toString()).toBe('2001:db8::/32');
    expect(() => p('0.0.0.0/0').supernet()).toThrow(RangeError);
    expect(() => [...p('10.0.0.0/24').subnets(23)]).toThrow(RangeError);
    expect(p('10.0.0.0/8').subnets(32).next().value?.toString()).toBe('10.0.0.0/32');
  });

  it('contains and overlaps, across families too', () => {
    expect(p('10.0.0.0/8').contains(parseAddress('10.1.2.3'))).toBe(true);
    expect(p('10.0.0.0/8').contains(parseAddress('::ffff:10.1.2.3'))).toBe(false);
    expect(p('::/0').contains(parseAddress('10.1.2.3'))).toBe(false);
    expect(p('fe80::/10').contains(parseAddress('fe80::1%eth0'))).toBe(true);
    expect(p('2001:db8::/32').contains(p('2001:db8:1::/48'))).toBe(true);
    expect(p('2001:db8:1::/48').contains(p('2001:db8::/32'))).toBe(false);
    expect(p('10.0.0.0/8').overlaps(p('10.1.0.0/16'))).toBe(true);
    expect(p('10.1.0.0/16').overlaps(p('10.0.0.0/8'))).toBe(true);
    expect(p('10.0.0.0/8').overlaps(p('11.0.0.0/8'))).toBe(false);
    expect(p('0.0.0.0/0').overlaps(p('::/0'))).toBe(false);
    expect(() => p('10.0.0.0/8').contains('10.0.0.1' as unknown as InetAddress)).toThrow(TypeError);
  });

  it('equals, compare, JSON', () => {
    expect(p('10.0.0.0/8').equals(new IPv4Network(IPv4Address.parse('10.9.9.9'), 8))).toBe(true);
    expect(p('10.0.0.0/8').equals(p('10.0.0.0/9'))).toBe(false);
    const sorted = [p('::/0'), p('10.0.0.0/16'), p('10.0.0.0/8'), p('9.0.0.0/8')].sort((a, b) => a.compare(b));
    expect(strings(sorted)).toEqual(['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '::/0']);
    expect(JSON.stringify([p('10.0.0.0/8')])).toBe('["10.0.0.0/8"]');
    expect(new IPv6Network(IPv6Address.parse('2001:db8::1%eth0'), 64).toString()).toBe('2001:db8::/64');
    expect(() => new IPv6Network(IPv6Address.parse('::'), 129)).toThrow(RangeError);
  });
});

const v4prefix = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([v, len]) => new IPv4Network(new IPv4Address(v), len));
const v6prefix = fc
  .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }))
  .map(([v, len]) => new IPv6Network(IPv6Address.fromBigInt(v), len));
const anyPrefix = fc.oneof(v4prefix, v6prefix);

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n === 0) return;
  }
}

/** Every address count in a list of prefixes, as a set of [lo, hi] ranges for comparison. */
function covers(list: readonly Prefix[], a: InetAddress): boolean {
  return list.some((x) => x.contains(a));
}

describe('prefix algebra laws (fast-check)', () => {
  it('parse ∘ format is the identity', () => {
    fc.assert(
      fc.property(anyPrefix, (x) => parsePrefix(x.toString()).equals(x)),
      FC,
    );
  });

  it('a prefix contains its first and last address, its subnets and its supernet contains it', () => {
    fc.assert(
      fc.property(anyPrefix, (x) => {
        const ok = x.contains(x.first) && x.contains(x.last) && x.contains(x);
        const up = x.length > 0 ? x.supernet().contains(x) : true;
        const down = x.length < x.bits ? [...x.subnets()].every((s) => x.contains(s) && s.supernet().equals(x)) : true;
        return ok && up && down;
      }),
      FC,
    );
  });

  it('overlaps is symmetric and equals containment one way or the other', () => {
    fc.assert(
      fc.property(anyPrefix, anyPrefix, (a, b) => a.overlaps(b) === b.overlaps(a) && a.overlaps(b) === (a.contains(b) || b.contains(a))),
      FC,
    );
  });

  it('collapse keeps exactly the same addresses, is idempotent and disjoint', () => {
    fc.assert(
      fc.property(
        fc.array(
          v4prefix.filter((x) => x.length >= 20),
          { maxLength: 8 },
        ),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 20 }),
        (list, probes) => {
          const c = collapsePrefixes(list);
          const same = probes
            .map((v) => new IPv4Address(v))
            .concat(list.map((x) => x.first))
            .every((a) => covers(list, a) === covers(c, a));
          const size = c.reduce((n, x) => n + x.size, 0n);
          const idem = strings(collapsePrefixes(c)).join() === strings(c).join();
          const disjoint = c.every((x, i) => c.every((y, j) => i === j || !x.overlaps(y)));
          return same && idem && disjoint && size <= list.reduce((n, x) => n + x.size, 0n);
        },
      ),
      FC,
    );
  });

  it('exclude: the parts and the excluded prefix partition the original', () => {
    fc.assert(
      fc.property(
        v4prefix.filter((x) => x.length >= 8),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (net, extra, seed) => {
          const inner = new IPv4Network(
            new IPv4Address(net.first.toNumber() + (seed % Number(net.size))),
            Math.min(32, net.length + extra),
          );
          const parts = excludePrefix(net, inner);
          const total = parts.reduce((n, x) => n + x.size, 0n) + inner.size;
          return total === net.size && parts.every((x) => net.contains(x) && !x.overlaps(inner));
        },
      ),
      FC,
    );
  });

  it('summarize covers exactly first..last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 100000 }), (lo, span) => {
        const hi = Math.min(0xffffffff, lo + span);
        const list = summarizeRange(new IPv4Address(lo), new IPv4Address(hi));
        const size = list.reduce((n, x) => n + x.size, 0n);
        return size === BigInt(hi - lo + 1) && list[0]!.first.toBigInt() === BigInt(lo) && list.at(-1)!.last.toBigInt() === BigInt(hi);
      }),
      FC,
    );
  });
});

describe('differential: node:net BlockList', () => {
  it('agrees with BlockList.addSubnet/check on random prefixes and addresses', () => {
    fc.assert(
      fc.property(v4prefix, fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 10 }), (net, values) => {
        const list = new BlockList();
        list.addSubnet(net.address.toString(), net.length, 'ipv4');
        const probes = values.map((v) => new IPv4Address(v)).concat([net.first, net.last]);
        return probes.every((a) => net.contains(a) === list.check(a.toString(), 'ipv4'));
      }),
      { ...FC, numRuns: 1000 },
    );
    fc.assert(
      fc.property(v6prefix, fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { minLength: 1, maxLength: 10 }), (net, values) => {
        const list = new BlockList();
        list.addSubnet(net.address.toString(), net.length, 'ipv6');
        const probes = values.map((v) => IPv6Address.fromBigInt(v)).concat([net.first, net.last]);
        return probes.every((a) => net.contains(a) === list.check(a.toString(), 'ipv6'));
      }),
      { ...FC, numRuns: 1000 },
    );
  });
});

describe.skipIf(!havePython)('differential: Python ipaddress networks', () => {
  it('collapse_addresses, address_exclude, summarize_address_range, subnets, supernet', () => {
    const cases = fc.sample(
      fc.tuple(
        fc.array(
          v4prefix.filter((x) => x.length >= 16),
          { minLength: 1, maxLength: 6 },
        ),
        v6prefix.filter((x) => x.length >= 100),
      ),
      { seed: FC.seed, numRuns: 300 },
    );
    const inputs = cases.map(([list, net6]) => {
      const outer = list[0]!;
      const inner = [...outer.subnets(Math.min(32, outer.length + 3))][1] ?? outer;
      return {
        list: strings(list),
        outer: String(outer),
        inner: String(inner),
        lo: String(list[0]!.first),
        hi: String(list.at(-1)!.last),
        net6: String(net6),
      };
    });
    const want = python<unknown>(
      `
def f(x):
    import itertools
    nets = [ipaddress.ip_network(n) for n in x['list']]
    lo, hi = ipaddress.ip_address(x['lo']), ipaddress.ip_address(x['hi'])
    n6 = ipaddress.ip_network(x['net6'])
    outer, inner = ipaddress.ip_network(x['outer']), ipaddress.ip_network(x['inner'])
    return {
      'collapse': [str(n) for n in ipaddress.collapse_addresses(nets)],
      'exclude': sorted([str(n) for n in outer.address_exclude(inner)], key=lambda s: ipaddress.ip_network(s)) if inner != outer else [],
      'summarize': [str(n) for n in ipaddress.summarize_address_range(min(lo, hi), max(lo, hi))],
      'subnets6': [str(n) for n in n6.subnets()] if n6.prefixlen < 128 else [],
      'supernet6': str(n6.supernet()),
      'hosts6': [str(h) for h in itertools.islice(n6.hosts(), 5)],
    }`,
      inputs,
    );
    inputs.forEach((x, i) => {
      const lo = parseAddress(x.lo),
        hi = parseAddress(x.hi);
      const [first, last] = lo.compare(hi) <= 0 ? [lo, hi] : [hi, lo];
      const n6 = p(x.net6);
      const ours = {
        collapse: strings(collapsePrefixes(x.list.map(p))),
        exclude: x.inner === x.outer ? [] : strings(excludePrefix(p(x.outer), p(x.inner))),
        summarize: strings(summarizeRange(first, last)),
        subnets6: n6.length < 128 ? strings(n6.subnets()) : [],
        supernet6: String(n6.supernet()),
        hosts6: strings(take(n6.hosts(), 5)),
      };
      expect(ours).toEqual(want[i]);
    });
  });
});
