import { describe, expect, it } from 'vitest';
import { readName, nameKey } from '../src/name-codec.js';
import { bytes, wireName } from './packet.js';

describe('names', () => {
  it('escapes dots, backslashes and non-printable octets', () => {
    const buf = Buffer.concat([bytes(3, 0x61, 0x2e, 0x62, 2, 0x5c, 0x00, 1, 0xff), bytes(0)]);
    expect(readName(buf, 0, buf.length)).toEqual({ name: 'a\\.b.\\\\\\000.\\255', next: buf.length });
  });

  it('follows a backward pointer and reports where the name ended', () => {
    const buf = Buffer.concat([wireName('example.test'), bytes(3, 0x77, 0x77, 0x77, 0xc0, 0)]);
    expect(readName(buf, 14, buf.length)).toEqual({ name: 'www.example.test', next: 20 });
  });

  it.each([
    ['a forward pointer', Buffer.concat([bytes(0xc0, 2), wireName('a')]), /does not point backwards/],
    ['a self pointer', bytes(0xc0, 0), /does not point backwards/],
    ['a reserved label type', bytes(0x40, 0), /reserved label type/],
    ['a truncated label', bytes(5, 0x61), /past the end/],
    ['no terminator', bytes(1, 0x61), /past the end/],
  ])('rejects %s', (_what, buf, text) => {
    expect(() => readName(buf, 0, buf.length)).toThrow(text);
  });

  it('rejects a pointer chain that exceeds the name limit', () => {
    // Each hop adds a 63-octet label: the name passes 255 octets after a few hops.
    const parts: Buffer[] = [bytes(0)];
    let off = 1;
    for (let i = 0; i < 6; i++) {
      const label = Buffer.concat([
        bytes(63),
        Buffer.alloc(63, 0x61),
        bytes(0xc0 | (((off - (i === 0 ? 1 : 66)) >> 8) & 0x3f), (off - (i === 0 ? 1 : 66)) & 0xff),
      ]);
      parts.push(label);
      off += label.length;
    }
    const buf = Buffer.concat(parts);
    expect(() => readName(buf, off - 66, buf.length)).toThrow(/longer than 255/);
  });

  it('compares case-insensitively without the trailing dot', () => {
    expect(nameKey('WWW.Example.TEST.')).toBe('www.example.test');
    expect(nameKey('.')).toBe('.');
  });
});
