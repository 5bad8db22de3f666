import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeName } from '../src/message-encode.js';
import { decodeMessage, DnsFormatError, encodeQuery } from '../src/index.js';
import type { QuerySpec } from '../src/index.js';
import { nameToLabels } from '../src/name-codec.js';

describe('encodeQuery', () => {
  it("encodes IOLib's wire example exactly (no EDNS)", () => {
    const q = encodeQuery({ id: 0x1234, name: 'www.example.test', type: 1, edns: false });
    expect(q.toString('hex')).toBe('123401000001000000000000' + '03777777076578616d706c650474657374' + '00' + '0001' + '0001');
  });

  it('adds an OPT record advertising 1232 octets by default', () => {
    const q = encodeQuery({ id: 1, name: 'a.test.', type: 28 });
    expect(q.readUInt16BE(10)).toBe(1);
    expect(q.subarray(q.length - 11).toString('hex')).toBe('00' + '0029' + '04d0' + '00000000' + '0000');
    const m = decodeMessage(q);
    expect(m.edns).toEqual({ udpPayloadSize: 1232, version: 0, dnssecOk: false, options: [] });
    expect(m.question).toEqual([{ name: 'a.test', type: 'aaaa', typeCode: 28, class: 1 }]);
    expect(m.flags.rd).toBe(true);
  });

  it.each([
    ['a..b', /empty label/],
    ['x'.repeat(64) + '.test', /longer than 63/],
    [Array.from({ length: 60 }, () => 'abcd').join('.'), /longer than 255/],
    ['bücher.test', /non-ASCII/],
    ['bad\\', /lone backslash/],
    ['a\\256b', /out of range/],
  ])('rejects the name %j', (name, text) => {
    expect(() => encodeQuery({ id: 1, name, type: 1 })).toThrow(DnsFormatError);
    expect(() => encodeQuery({ id: 1, name, type: 1 })).toThrow(text);
  });

  it('rejects IDs and types out of range', () => {
    expect(() => encodeQuery({ id: 65536, name: 'a', type: 1 })).toThrow(RangeError);
    expect(() => encodeQuery({ id: 1, name: 'a', type: -1 })).toThrow(RangeError);
  });

  it('encodes plain names on the fast path exactly as the careful path does', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 8 }), fc.boolean(), (labels, dot) => {
        const name = labels.join('.') + (dot ? '.' : '');
        let careful: Buffer | Error;
        try {
          careful = Buffer.concat([...nameToLabels(name).map((l) => Buffer.concat([Buffer.from([l.length]), l])), Buffer.from([0])]);
        } catch (e) {
          careful = e as Error;
        }
        if (careful instanceof Error) expect(() => encodeName(name)).toThrow(careful.message);
        else expect(encodeName(name)).toEqual(careful);
      }),
      { numRuns: 2000 },
    );
    expect([...encodeName('.')]).toEqual([0]);
    expect([...encodeName('')]).toEqual([0]);
  });

  it('resolves presentation escapes', () => {
    expect(nameToLabels('a\\.b.c').map((l) => Buffer.from(l).toString('latin1'))).toEqual(['a.b', 'c']);
    expect(nameToLabels('\\065x').map((l) => Buffer.from(l).toString('latin1'))).toEqual(['Ax']);
    expect(nameToLabels('.')).toEqual([]);
  });
});

describe('encodeQuery argument checks', () => {
  const spec: QuerySpec = { id: 1, name: 'a.test', type: 1 };
  it.each([
    [{ udpPayloadSize: 1e6 }, new RangeError('encodeQuery: udpPayloadSize must be an integer in 512–65535, got 1000000')],
    [{ udpPayloadSize: 100 }, new RangeError('encodeQuery: udpPayloadSize must be an integer in 512–65535, got 100')],
    [{ id: -1 }, new RangeError('encodeQuery: id must be an integer in 0–65535, got -1')],
    [{ id: 1.5 }, new RangeError('encodeQuery: id must be an integer in 0–65535, got 1.5')],
    [{ type: 65536 }, new RangeError('encodeQuery: type must be an integer in 0–65535, got 65536')],
    [{ class: '1' }, new TypeError('encodeQuery: class must be an integer in 0–65535, got "1"')],
    [{ name: 5 }, new TypeError('encodeQuery: name must be a string, got 5')],
    [{ edns: 'yes' }, new TypeError('encodeQuery: edns must be a boolean, got "yes"')],
    [{ recursionDesired: 0 }, new TypeError('encodeQuery: recursionDesired must be a boolean, got 0')],
  ])('%j', (change, error) => {
    expect(() => encodeQuery({ ...spec, ...(change as object) })).toThrow(error);
  });

  it('rejects a missing spec', () => {
    expect(() => encodeQuery(null as unknown as QuerySpec)).toThrow(new TypeError('encodeQuery: spec must be an object, got null'));
    expect(() => encodeQuery(undefined as unknown as QuerySpec)).toThrow(
      new TypeError('encodeQuery: spec must be an object, got undefined'),
    );
  });

  it('accepts the bounds', () => {
    expect(encodeQuery({ ...spec, udpPayloadSize: 65535, id: 65535 }).readUInt16BE(0)).toBe(65535);
    expect(encodeQuery({ ...spec, udpPayloadSize: 512 }).length).toBe(12 + 8 + 4 + 11);
  });
});
