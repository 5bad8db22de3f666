import { describe, expect, it } from 'vitest';
import { cacheTtl, decodeMessage, DnsCache } from '../src/index.js';
import { bytes, message, u16, wireName } from './packet.js';

const Q = [{ name: 'a.test', type: 16 }];
const txt = (ttl: number) => ({ name: 'a.test', type: 16, ttl, data: bytes(1, 0x61) });
const soa = (ttl: number, minimum: number) => ({
  name: 'test',
  type: 6,
  ttl,
  data: Buffer.concat([
    wireName('ns.test'),
    wireName('h.test'),
    Buffer.alloc(16),
    Buffer.concat([u16(minimum >> 16), u16(minimum & 0xffff)]),
  ]),
});

describe('cacheTtl', () => {
  it('is the smallest answer TTL for a positive answer', () => {
    expect(cacheTtl(decodeMessage(message({ question: Q, answer: [txt(300), txt(60), txt(90)] })))).toBe(60);
  });

  it('is min(SOA TTL, SOA MINIMUM) for NXDOMAIN and NODATA (RFC 2308 §5)', () => {
    expect(cacheTtl(decodeMessage(message({ flags: 0x8183, question: Q, authority: [soa(300, 45)] })))).toBe(45);
    expect(cacheTtl(decodeMessage(message({ question: Q, authority: [soa(20, 45)] })))).toBe(20);
  });

  it('is 0 without an SOA, for SERVFAIL, and for a truncated reply', () => {
    expect(cacheTtl(decodeMessage(message({ flags: 0x8183, question: Q })))).toBe(0);
    expect(cacheTtl(decodeMessage(message({ flags: 0x8182, question: Q, authority: [soa(300, 45)] })))).toBe(0);
    expect(cacheTtl(decodeMessage(message({ flags: 0x8380, question: Q, answer: [txt(300)] })))).toBe(0);
  });
});

describe('DnsCache', () => {
  const positive = decodeMessage(message({ question: Q, answer: [txt(10)] }));
  it('serves an entry until its TTL runs out', () => {
    const c = new DnsCache();
    c.set('k', positive, 1000);
    expect(c.get('k', 1000 + 9_999)).toBe(positive);
    expect(c.get('k', 1000 + 10_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('does not store what may not be cached, caps the TTL and the size', () => {
    const c = new DnsCache({ maxEntries: 2, maxTtl: 5 });
    c.set('none', decodeMessage(message({ flags: 0x8183, question: Q })), 0);
    expect(c.size).toBe(0);
    c.set('a', positive, 0);
    expect(c.get('a', 5_000)).toBeUndefined();
    c.set('a', positive, 0);
    c.set('b', positive, 0);
    c.set('c', positive, 0);
    expect([c.get('a', 1), c.get('b', 1), c.get('c', 1)]).toEqual([undefined, positive, positive]);
    c.clear();
    expect(c.size).toBe(0);
  });
});

describe('DnsCache and cacheTtl argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => new DnsCache({ maxEntries: 0 })).toThrow(
      new RangeError('DnsCache: maxEntries must be an integer in 1–9007199254740991, got 0'),
    );
    expect(() => new DnsCache({ maxTtl: -5 })).toThrow(RangeError);
    expect(() => new DnsCache(null as unknown as object)).toThrow(new TypeError('DnsCache: limits must be an object, got null'));
    const c = new DnsCache();
    expect(() => c.get(5 as unknown as string)).toThrow(new TypeError('DnsCache.get: key must be a string, got 5'));
    expect(() => c.get('k', Number.NaN)).toThrow(new TypeError('DnsCache.get: now must be a finite number of milliseconds, got NaN'));
    expect(() => {
      c.set('k', decodeMessage(message({ question: Q })), Infinity);
    }).toThrow(TypeError);
    expect(() => cacheTtl(null as unknown as Parameters<typeof cacheTtl>[0])).toThrow(
      new TypeError('cacheTtl: message must be an object, got null'),
    );
  });
});
