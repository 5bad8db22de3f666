import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, DnsFormatError } from '../src/index.js';
import { NSD_REPLIES } from './fixtures/nsd-replies.js';
import { bytes, message, u16, wireName } from './packet.js';

const REAL = NSD_REPLIES.map((h) => Buffer.from(h, 'hex'));
const BUILT = [
  message({ question: [{ name: 'a.test', type: 1 }], answer: [{ name: bytes(0xc0, 12), type: 15, data: Buffer.concat([u16(5), bytes(0xc0, 12)]) }] }),
  message({ question: [{ name: 'a.test', type: 6 }], authority: [{ name: bytes(0xc0, 12), type: 6, data: Buffer.concat([wireName('ns.a.test'), bytes(0xc0, 12), Buffer.alloc(20, 1)]) }] }),
];
const SEEDS = [...REAL, ...BUILT];

/** Decodes and reports: 'ok', 'format' (DnsFormatError) — anything else fails the property. */
function verdict(buf: Uint8Array): 'ok' | 'format' {
  try {
    decodeMessage(buf);
    return 'ok';
  } catch (e) {
    if (e instanceof DnsFormatError) return 'format';
    throw e;
  }
}

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.constant(0) }),
      fc.record({ kind: fc.constant('pointer' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 0x3fff }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    ),
    { minLength: 1, maxLength: 8 },
  ),
});

function mutate(m: { seed: number; edits: ReadonlyArray<{ kind: string; at: number; value: number }> }): Buffer {
  let b = Buffer.from(SEEDS[m.seed]!);
  for (const e of m.edits) {
    const at = b.length === 0 ? 0 : e.at % b.length;
    if (e.kind === 'set') b[at] = e.value;
    else if (e.kind === 'cut') b = b.subarray(0, at);
    else if (e.kind === 'pointer' && at + 1 < b.length) { b[at] = 0xc0 | (e.value >> 8); b[at + 1] = e.value & 0xff; }
    else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([e.value]), b.subarray(at)]);
  }
  return b;
}

describe('decoder fuzzing', () => {
  it('decodes every seed packet', () => {
    for (const s of SEEDS) expect(verdict(s)).toBe('ok');
  });

  it('random bytes: only DnsFormatError, never a hang', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), (b) => { verdict(b); }), { numRuns: 3000 });
  });

  it('random bytes behind a plausible header: only DnsFormatError', () => {
    const header = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(fc.property(header, fc.uint8Array({ maxLength: 400 }), ([flags, qd, an], body) => {
      const h = Buffer.concat([u16(1), u16(flags), u16(qd), u16(an), u16(an >> 3), u16(an >> 5)]);
      verdict(Buffer.concat([h, body]));
    }), { numRuns: 3000 });
  });

  it('mutated real packets: only DnsFormatError, never a hang', () => {
    fc.assert(fc.property(mutation, (m) => { verdict(mutate(m)); }), { numRuns: 5000 });
  });

  it('every truncation of every real packet is rejected cleanly', () => {
    for (const s of SEEDS) {
      for (let n = 0; n < s.length; n++) expect(['ok', 'format']).toContain(verdict(s.subarray(0, n)));
    }
  });
});
