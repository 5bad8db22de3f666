import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/index.js';
import { pointerChainReply } from './hostile.js';
import { mutate, mutation, SEEDS, verdict } from './mutate.js';
import { u16 } from './packet.js';

describe('decoder fuzzing', () => {
  it('decodes every seed packet', () => {
    for (const s of SEEDS) expect(verdict(s)).toBe('ok');
  });

  it('random bytes: only DnsFormatError, never a hang', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), (b) => {
        verdict(b);
      }),
      { numRuns: 3000 },
    );
  });

  it('random bytes behind a plausible header: only DnsFormatError', () => {
    const header = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 400 }), ([flags, qd, an], body) => {
        const h = Buffer.concat([u16(1), u16(flags), u16(qd), u16(an), u16(an >> 3), u16(an >> 5)]);
        verdict(Buffer.concat([h, body]));
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated real packets and worst cases: only DnsFormatError, never a hang (20,000 runs; scripts/fuzz.ts does a million)', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        verdict(mutate(m));
      }),
      { numRuns: 20_000 },
    );
  });

  it('decodes the 49 KB pointer-chain worst case of issue 12: 4,095 records, each owner 64 pointers to a 255-octet name', () => {
    const m = decodeMessage(pointerChainReply(4095));
    expect(m.answer.length).toBe(4095);
    const long = Array.from({ length: 127 }, () => 'a').join('.');
    expect(m.answer.every((rr) => rr.name === long)).toBe(true);
  });

  it('every truncation of every real packet is rejected cleanly', () => {
    for (const s of SEEDS.filter((seed) => seed.length < 1024)) {
      for (let n = 0; n < s.length; n++) expect(['ok', 'format']).toContain(verdict(s.subarray(0, n)));
    }
  });
});
