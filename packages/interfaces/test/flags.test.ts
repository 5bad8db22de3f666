import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeInterfaceFlags, interfaceFlagNames, linkTypeName } from '../src/index.js';

describe('decodeInterfaceFlags', () => {
  it.each([
    [0x10049, ['up', 'loopback', 'running', 'lowerUp']],
    [0x11043, ['up', 'broadcast', 'running', 'multicast', 'lowerUp']],
    [0x1091, ['up', 'pointToPoint', 'noArp', 'multicast']],
    [0x100, ['promiscuous']],
    [0x200, ['allMulticast']],
    [0x0, []],
    [
      0x7ffff,
      [
        'up',
        'broadcast',
        'debug',
        'loopback',
        'pointToPoint',
        'noTrailers',
        'running',
        'noArp',
        'promiscuous',
        'allMulticast',
        'master',
        'slave',
        'multicast',
        'portSelect',
        'autoMedia',
        'dynamic',
        'lowerUp',
        'dormant',
        'echo',
      ],
    ],
  ])('%i sets exactly %j', (bits, set) => {
    const flags = decodeInterfaceFlags(bits);
    expect(
      Object.entries(flags)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).toEqual(set);
    expect(Object.keys(flags)).toHaveLength(19);
    expect(Object.isFrozen(flags)).toBe(true);
  });
});

describe('interfaceFlagNames', () => {
  it.each([
    [0x10049, ['UP', 'LOOPBACK', 'RUNNING', 'LOWER_UP']],
    [0x1043, ['UP', 'BROADCAST', 'RUNNING', 'MULTICAST']],
    [0x80000, []],
  ])('%i → %j', (bits, names) => {
    expect(interfaceFlagNames(bits)).toEqual(names);
  });

  it('names one flag per known set bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        let known = bits & 0x7ffff;
        let count = 0;
        for (; known !== 0; known &= known - 1) count++;
        expect(interfaceFlagNames(bits)).toHaveLength(count);
        expect(Object.values(decodeInterfaceFlags(bits)).filter(Boolean)).toHaveLength(count);
      }),
    );
  });
});

describe('linkTypeName', () => {
  it.each([
    [1, 'ether'],
    [772, 'loopback'],
    [0xfffe, 'none'],
    [0xffff, 'void'],
    [768, 'ipip'],
    [776, 'sit'],
    [778, 'gre'],
    [823, 'gre6'],
    [32, 'infiniband'],
    [801, 'ieee802.11'],
    [519, 'rawip'],
    [12345, '[12345]'],
  ])('%i → %s', (n, name) => {
    expect(linkTypeName(n)).toBe(name);
  });
});
