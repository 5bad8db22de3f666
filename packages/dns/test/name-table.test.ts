import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DnsFormatError } from '../src/index.js';
import { readName } from '../src/name-codec.js';
import { NameTable } from '../src/name-table.js';
import { pointerChainReply } from './hostile.js';
import { mutate, mutation } from './mutate.js';

/** readName's result or the DnsFormatError's text. */
function read(buf: Buffer, at: number, table?: NameTable): unknown {
  try {
    return readName(buf, at, buf.length, table);
  } catch (e) {
    if (e instanceof DnsFormatError) return 'DnsFormatError';
    throw e;
  }
}

describe('NameTable', () => {
  it('reads the pointer-chain worst case in steps linear in its size: each offset walked once, then one lookup per name', () => {
    const buf = pointerChainReply(4095);
    const table = new NameTable();
    const question = 12;
    const firstOwner = question + 129 + 4;
    const firstAfter = firstOwner + 255 + 10 + 126;
    const names = [readName(buf, question, buf.length, table), readName(buf, firstOwner, buf.length, table)];
    for (let at = firstAfter; at < buf.length; at += 12) names.push(readName(buf, at, buf.length, table));
    expect(names.length).toBe(4096);
    const long = Array.from({ length: 127 }, () => 'a').join('.');
    expect(names.slice(1).every((n) => n.name === long)).toBe(true);
    // The 255-octet name once (128 steps), the 63-pointer pool once, then a pointer and a lookup per record.
    expect(table.steps).toBeLessThan(2 * 4095 + 128 + 65 + 65);
    expect(table.steps).toBeLessThan(buf.length);
  });

  it('shares the text read at an offset: a later pointer there gets the entry, sliced once', () => {
    // 'www.example.test' at 0, then 'mail' + pointer to 'example.test' (offset 4), then a pointer to 'mail…' (offset 18).
    const buf = Buffer.from([
      3,
      0x77,
      0x77,
      0x77,
      7,
      ...Buffer.from('example'),
      4,
      ...Buffer.from('test'),
      0,
      4,
      ...Buffer.from('mail'),
      0xc0,
      4,
      0xc0,
      18,
    ]);
    const table = new NameTable();
    expect(readName(buf, 0, buf.length, table)).toEqual({ name: 'www.example.test', next: 18 });
    expect(readName(buf, 18, buf.length, table)).toEqual({ name: 'mail.example.test', next: 25 });
    expect(readName(buf, 25, buf.length, table)).toEqual({ name: 'mail.example.test', next: 27 });
    const example = table.find(4);
    expect([table.text(example), table.octets(example), table.stop(example), table.jumps(example)]).toEqual(['example.test', 14, 18, 0]);
    expect(table.text(table.find(23))).toBe('example.test');
    expect(table.jumps(table.find(18))).toBe(1);
    expect(table.find(3)).toBe(-1);
  });

  it('gives every name exactly what reading without a table gives, whatever the bytes', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const buf = mutate(m);
        const table = new NameTable();
        const limit = Math.min(buf.length, 600);
        for (let at = 0; at < limit; at++) expect(read(buf, at, table)).toEqual(read(buf, at));
      }),
      { numRuns: 100 },
    );
  });
});
