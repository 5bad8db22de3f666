/// <reference types="node" />
import { isIPv6 as nodeIsIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressParseError, IPv6Address, isIPv6, parseAddress } from '../src/index.js';
import { FC } from './oracle.js';

function failure(text: string): [number, string] {
  try {
    IPv6Address.parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AddressParseError);
    const err = e as AddressParseError;
    expect(err.syntax).toBe('IPv6 address');
    return [err.position, err.reason];
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

describe('IPv6 text (RFC 4291 §2.2, RFC 4007 §11 zones)', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0], undefined],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1], undefined],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0], undefined],
    ['2001:DB8::1', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], undefined],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], undefined],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8], undefined],
    ['1::8', [1, 0, 0, 0, 0, 0, 0, 8], undefined],
    ['1::2:3:4:5:6:7', [1, 0, 2, 3, 4, 5, 6, 7], undefined],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0], undefined],
    ['::ffff:192.0.2.1', [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201], undefined],
    ['::192.0.2.1', [0, 0, 0, 0, 0, 0, 0xc000, 0x201], undefined],
    ['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x102, 0x304], undefined],
    ['64:ff9b::192.0.2.33', [0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x221], undefined],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1], 'eth0'],
    ['fe80::%2', [0xfe80, 0, 0, 0, 0, 0, 0, 0], '2'],
    ['::ffff:1.2.3.4%br_lan', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304], 'br_lan'],
  ] as const)('%s', (text, groups, zone) => {
    const a = IPv6Address.parse(text);
    expect([...a.name]).toEqual(groups);
    expect(a.zone).toBe(zone);
    expect(parseAddress(text).equals(a)).toBe(true);
  });

  it.each([
    ['', 0, 'empty input'],
    [':', 0, 'single ":" at the start'],
    [':1::', 0, 'single ":" at the start'],
    [':::', 2, 'unexpected character ":"'],
    ['1:', 1, 'single ":" at the end'],
    ['1::2::3', 4, 'second "::"'],
    ['1:2:3:4:5:6:7', 13, '7 groups instead of 8'],
    ['1:2:3:4:5:6:7:8:9', 16, 'more than 8 groups'],
    ['1:2:3:4:5:6:7:8::', 17, '"::" must stand for at least one group'],
    ['1::2:3:4:5:6:7:8', 16, '"::" must stand for at least one group'],
    ['12345::', 0, 'group longer than 4 hex digits'],
    ['g::', 0, 'unexpected character "g"'],
    ['1:2::3:', 6, 'single ":" at the end'],
    ['%eth0', 0, 'unexpected character "%"'],
    ['1:g::', 2, 'unexpected character "g"'],
    ['::1 ', 3, 'unexpected character " "'],
    ['[::1]', 0, 'unexpected character "["'],
    ['::ffff:1.2.3', 12, 'fewer than 4 octets'],
    ['::ffff:01.2.3.4', 7, 'leading zero in octet'],
    ['1:2:3:4:5:6:7:1.2.3.4', 14, 'dotted quad after 7 groups'],
    ['::1.2.3.4:5', 9, 'unexpected character ":"'],
    ['fe80::1%', 8, 'empty zone id'],
    ['fe80::1%a b', 9, 'invalid zone id: white space is not allowed in an interface name'],
    ['fe80::1%a%b', 9, 'invalid zone id: "%" is not allowed in an interface name'],
    ['fe80::1%a/64', 9, 'invalid zone id: "/" is not allowed in an interface name'],
    ['fe80::1%a:b', 9, 'invalid zone id: ":" is not allowed in an interface name'],
    ['fe80::1%..', 8, 'invalid zone id: ".." is not an interface name'],
    ['fe80::1%a\0', 9, 'invalid zone id: NUL is not allowed in an interface name'],
    ['fe80::1%a\u00e0', 9, 'invalid zone id: its UTF-8 encoding holds the byte 0xA0, white space to the kernel'],
    ['fe80::1%a\ud800', 9, 'invalid zone id: a lone surrogate has no UTF-8 encoding'],
    ['fe80::1%' + 'x'.repeat(16), 23, 'invalid zone id: longer than 15 bytes (IFNAMSIZ - 1)'],
    ['fe80::1%abcdefg\u00e9\u00e9\u00e9\u00e9\u00e9', 19, 'invalid zone id: longer than 15 bytes (IFNAMSIZ - 1)'],
    ['fe80::1%4294967296', 8, 'zone index above 4294967295'],
    ['1:%eth0', 1, 'single ":" at the end'],
  ])('%j fails at %i: %s', (text, position, reason) => {
    expect(failure(text)).toEqual([position, reason]);
  });

  it('a 100,000-character zone id fails where it passes 15 bytes', () => {
    expect(failure(`fe80::1%${'x'.repeat(100_000)}`)).toEqual([23, 'invalid zone id: longer than 15 bytes (IFNAMSIZ - 1)']);
  });

  const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
  const tricky = fc.oneof(
    fc
      .array(fc.oneof(group, fc.constantFrom('', '0', '00000', 'g', '1.2.3.4', '01.2.3.4', 'ffff')), { minLength: 1, maxLength: 10 })
      .map((a) => a.join(':')),
    fc.tuple(fc.array(group, { maxLength: 8 }), fc.array(group, { maxLength: 8 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`),
    fc.string({ unit: fc.constantFrom('0', '1', 'f', ':', '.', '%', 'e') }),
  );

  /** Node takes any zone of `[0-9A-Za-z.:-]`; Linux only an index or what `dev_valid_name` accepts. */
  const linuxZone = (s: string): boolean => {
    const z = s.slice(s.indexOf('%') + 1);
    if (!s.includes('%')) return true;
    if (/^[0-9]+$/.test(z)) return Number(z) <= 0xffffffff;
    return z !== '.' && z !== '..' && !z.includes(':') && z.length <= 15;
  };

  it('agrees with node:net isIPv6 on random and tricky text, where the zone is one Linux allows', () => {
    fc.assert(
      fc.property(tricky, (s) => isIPv6(s) === (nodeIsIPv6(s) && linuxZone(s))),
      FC,
    );
  });

  it('agrees with node:net isIPv6 on zone ids made of the characters Node allows, where Linux allows them', () => {
    const zone = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '.', ':'), minLength: 0, maxLength: 17 });
    fc.assert(
      fc.property(tricky, zone, (s, z) => isIPv6(`${s}%${z}`) === (nodeIsIPv6(`${s}%${z}`) && linuxZone(`${s}%${z}`))),
      FC,
    );
  });

  it.each([
    ['fe80::1%eth0', 'eth0'],
    ['fe80::1%' + 'x'.repeat(15), 'x'.repeat(15)],
    ['fe80::1%abcdefg\u00e9\u00e9\u00e9\u00e9', 'abcdefg\u00e9\u00e9\u00e9\u00e9'],
    ['fe80::1%\u016c\u016f', '\u016c\u016f'],
    ['fe80::1%a\u2003', 'a\u2003'],
    ['fe80::1%a[b]', 'a[b]'],
    ['fe80::1%.a', '.a'],
    ['fe80::1%4294967295', '4294967295'],
    ['fe80::1%00000000000000000000002', '00000000000000000000002'],
  ])('takes the zone of %j as Linux would: %j', (text, zone) => {
    expect(IPv6Address.parse(text).zone).toBe(zone);
  });

  it('never throws anything but AddressParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          IPv6Address.parse(s);
        } catch (e) {
          return e instanceof AddressParseError && e.position >= 0 && e.position <= s.length;
        }
        return true;
      }),
      FC,
    );
  });
});
