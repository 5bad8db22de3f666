import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPv4Address, IPv6Address, parseAddress, vectorToColonSeparated } from '../src/index.js';
import { FC, havePython, python } from './oracle.js';

const groups = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 });

describe('RFC 5952 text', () => {
  it.each([
    [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'],
    [[0x2001, 0, 0, 1, 0, 0, 0, 1], '2001:0:0:1::1'],
    [[0, 2, 3, 4, 5, 0, 6, 7], '0:2:3:4:5:0:6:7'],
    [[0, 0, 0, 255, 255, 255, 0, 0], '::ff:ff:ff:0:0'],
    [[0, 0, 0, 0, 0, 0, 0, 0], '::'],
    [[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
    [[1, 0, 0, 0, 0, 0, 0, 0], '1::'],
    [[0xabcd, 0xef, 0, 0, 0, 0, 0, 0xa], 'abcd:ef::a'],
    [[0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201], '::ffff:192.0.2.1'],
    [[0, 0, 0, 0, 0, 0, 0xc000, 0x201], '::c000:201'],
    [[0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x221], '64:ff9b::c000:221'],
  ])('%j → %s', (g, text) => {
    expect(new IPv6Address(g).toString()).toBe(text);
    expect(vectorToColonSeparated(g)).toBe(text);
  });

  it('prints upper case on request, mapped prefix included', () => {
    expect(vectorToColonSeparated([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xab], 'upcase')).toBe('2001:DB8::AB');
    expect(vectorToColonSeparated([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304], 'upcase')).toBe('::FFFF:1.2.3.4');
  });

  it('prints the expanded form and the zone', () => {
    const a = IPv6Address.parse('2001:db8::1%eth0');
    expect(a.toExpandedString()).toBe('2001:0db8:0000:0000:0000:0000:0000:0001%eth0');
    expect(a.toString()).toBe('2001:db8::1%eth0');
  });

  it('parse ∘ format is the identity on random IPv6 addresses (zones included)', () => {
    const zone = fc.option(fc.string({ unit: fc.constantFrom('e', 't', 'h', '0', '_', '-'), minLength: 1, maxLength: 5 }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(groups, zone, (g, z) => {
        const a = new IPv6Address(g, z);
        const text = a.toString();
        return (
          IPv6Address.parse(text).equals(a) &&
          IPv6Address.parse(a.toExpandedString()).equals(a) &&
          parseAddress(text.toUpperCase().replace(/%.*/, '')).equals(a.withZone(undefined))
        );
      }),
      FC,
    );
  });

  it('format ∘ parse is the identity on canonical text', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const text = new IPv6Address(g).toString();
        return IPv6Address.parse(text).toString() === text;
      }),
      FC,
    );
  });

  it.skipIf(!havePython)('matches Python ipaddress compressed text (which prints mapped addresses in hex before 3.13)', () => {
    const sample = fc.sample(groups, { seed: FC.seed, numRuns: 3000 });
    const texts = sample.map((g) => g.map((n) => n.toString(16)).join(':'));
    const want = python<string>(
      'def f(x):\n    a = ipaddress.IPv6Address(x)\n    m = a.ipv4_mapped\n    return "::ffff:" + str(m) if m is not None else a.compressed',
      texts,
    );
    expect(sample.map((g) => new IPv6Address(g).toString())).toEqual(want);
  });
});

describe('dotted quads', () => {
  it('parse ∘ format is the identity on every 32-bit value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => IPv4Address.parse(new IPv4Address(v).toString()).toNumber() === v),
      FC,
    );
  });

  it.each([
    [0, '0.0.0.0'],
    [0xffffffff, '255.255.255.255'],
    [0x7f000001, '127.0.0.1'],
    [0xc0000201, '192.0.2.1'],
  ])('%i → %s', (v, text) => {
    expect(new IPv4Address(v).toString()).toBe(text);
  });
});
