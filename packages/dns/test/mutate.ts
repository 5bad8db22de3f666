/**
 * The decoder's fuzz corpus and mutator, shared by test/fuzz.test.ts (a
 * CI-sized run) and scripts/fuzz.ts (a million packets): real NSD replies,
 * hand-built ones, and the crafted worst cases of issue 12.
 */
import fc from 'fast-check';
import { decodeMessage, DnsFormatError } from '../src/index.js';
import { NSD_REPLIES } from './fixtures/nsd-replies.js';
import { pointerChainReply } from './hostile.js';
import { bytes, message, u16, wireName } from './packet.js';

const REAL = NSD_REPLIES.map((h) => Buffer.from(h, 'hex'));
const BUILT = [
  message({
    question: [{ name: 'a.test', type: 1 }],
    answer: [{ name: bytes(0xc0, 12), type: 15, data: Buffer.concat([u16(5), bytes(0xc0, 12)]) }],
  }),
  message({
    question: [{ name: 'a.test', type: 6 }],
    authority: [{ name: bytes(0xc0, 12), type: 6, data: Buffer.concat([wireName('ns.a.test'), bytes(0xc0, 12), Buffer.alloc(20, 1)]) }],
  }),
];

/** Seeds for the mutator: real replies, built ones, and a 4 KB (UDP-sized) pointer-chain worst case. */
export const SEEDS: readonly Buffer[] = [...REAL, ...BUILT, pointerChainReply(300)];

/** Decodes and reports: 'ok', 'format' (DnsFormatError); anything else is thrown on. */
export function verdict(buf: Uint8Array): 'ok' | 'format' {
  try {
    decodeMessage(buf);
    return 'ok';
  } catch (e) {
    if (e instanceof DnsFormatError) return 'format';
    throw e;
  }
}

interface Edit {
  readonly kind: 'set' | 'cut' | 'pointer' | 'insert';
  readonly at: number;
  readonly value: number;
}

/** A seed and up to 8 edits: set an octet, cut the tail, write a compression pointer, insert an octet. */
export const mutation = fc.record({
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

/**
 * Applies a mutation to a copy of its seed.
 *
 * @param m - a value drawn from {@link mutation}
 * @returns the mutated packet
 */
export function mutate(m: { readonly seed: number; readonly edits: readonly Edit[] }): Buffer {
  let b = Buffer.from(SEEDS[m.seed] ?? []);
  for (const e of m.edits) {
    const at = b.length === 0 ? 0 : e.at % b.length;
    if (e.kind === 'set') b[at] = e.value;
    else if (e.kind === 'cut') b = b.subarray(0, at);
    else if (e.kind === 'pointer' && at + 1 < b.length) {
      b[at] = 0xc0 | (e.value >> 8);
      b[at + 1] = e.value & 0xff;
    } else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([e.value]), b.subarray(at)]);
  }
  return b;
}
