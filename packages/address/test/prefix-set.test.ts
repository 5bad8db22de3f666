import { describe, expect, it } from 'vitest';
import { Prefix, collapsePrefixes, excludePrefix, parseAddress, parsePrefix, summarizeRange } from '../src/index.js';

const p = (text: string): Prefix => parsePrefix(text);
const strings = (list: Iterable<unknown>): string[] => [...list].map(String);

describe('collapsePrefixes, excludePrefix, summarizeRange', () => {
  it('collapse, exclude, summarize', () => {
    expect(strings(collapsePrefixes([p('10.0.0.0/24'), p('10.0.1.0/24')]))).toEqual(['10.0.0.0/23']);
    expect(strings(collapsePrefixes([p('2001:db8::/33'), p('10.0.0.0/8'), p('10.1.0.0/16'), p('2001:db8:8000::/33')]))).toEqual([
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
    expect(collapsePrefixes([])).toEqual([]);
    expect(strings(excludePrefix(p('10.0.0.0/24'), p('10.0.0.0/26')))).toEqual(['10.0.0.64/26', '10.0.0.128/25']);
    expect(strings(excludePrefix(p('10.0.0.0/24'), p('11.0.0.0/24')))).toEqual(['10.0.0.0/24']);
    expect(excludePrefix(p('10.0.0.0/24'), p('10.0.0.0/8'))).toEqual([]);
    expect(strings(summarizeRange(parseAddress('192.0.2.0'), parseAddress('192.0.2.130')))).toEqual([
      '192.0.2.0/25',
      '192.0.2.128/31',
      '192.0.2.130/32',
    ]);
    expect(strings(summarizeRange(parseAddress('::'), parseAddress('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')))).toEqual(['::/0']);
    expect(() => summarizeRange(parseAddress('10.0.0.2'), parseAddress('10.0.0.1'))).toThrow(RangeError);
    expect(() => summarizeRange(parseAddress('10.0.0.2'), parseAddress('::1'))).toThrow(TypeError);
    expect(() => collapsePrefixes(['10.0.0.0/8' as unknown as Prefix])).toThrow(TypeError);
  });
});
