import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeName } from '../src/message-encode.js';
import { decodeHeader, decodeMessage, DnsFormatError, encodeQuery, MAX_RECORDS, recordTypeCode, recordTypeName } from '../src/index.js';
import { readName, nameToLabels, nameKey } from '../src/name-codec.js';
import { bytes, message, u16, wireName } from './packet.js';

const Q = [{ name: 'example.test', type: 1 }];

function decodeFails(buf: Buffer, text: RegExp): void {
  let err: unknown;
  try {
    decodeMessage(buf);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DnsFormatError);
  expect((err as Error).message).toMatch(text);
}

describe('encodeQuery', () => {
  it('encodes IOLib\'s wire example exactly (no EDNS)', () => {
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
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 8 }), fc.boolean(), (labels, dot) => {
      const name = labels.join('.') + (dot ? '.' : '');
      let careful: Buffer | Error;
      try {
        careful = Buffer.concat([...nameToLabels(name).map((l) => Buffer.concat([Buffer.from([l.length]), l])), Buffer.from([0])]);
      } catch (e) {
        careful = e as Error;
      }
      if (careful instanceof Error) expect(() => encodeName(name)).toThrow(careful.message);
      else expect(encodeName(name)).toEqual(careful);
    }), { numRuns: 2000 });
    expect([...encodeName('.')]).toEqual([0]);
    expect([...encodeName('')]).toEqual([0]);
  });

  it('resolves presentation escapes', () => {
    expect(nameToLabels('a\\.b.c').map((l) => Buffer.from(l).toString('latin1'))).toEqual(['a.b', 'c']);
    expect(nameToLabels('\\065x').map((l) => Buffer.from(l).toString('latin1'))).toEqual(['Ax']);
    expect(nameToLabels('.')).toEqual([]);
  });
});

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
      const label = Buffer.concat([bytes(63), Buffer.alloc(63, 0x61), bytes(0xc0 | (((off - (i === 0 ? 1 : 66)) >> 8) & 0x3f), (off - (i === 0 ? 1 : 66)) & 0xff)]);
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

describe('decodeMessage', () => {
  it('decodes every supported record type', () => {
    const buf = message({
      question: Q,
      answer: [
        { name: 'example.test', type: 1, data: bytes(192, 0, 2, 10) },
        { name: 'example.test', type: 28, data: Buffer.from('20010db8000000000000000000000010', 'hex') },
        { name: 'example.test', type: 5, data: wireName('web.example.test') },
        { name: 'example.test', type: 2, data: wireName('ns1.example.test') },
        { name: 'example.test', type: 12, data: wireName('host.example.test') },
        { name: 'example.test', type: 15, data: Buffer.concat([u16(10), wireName('mail.example.test')]) },
        { name: 'example.test', type: 16, data: Buffer.from('\x05hello\x05world', 'latin1') },
        { name: 'example.test', type: 33, data: Buffer.concat([u16(1), u16(2), u16(8080), wireName('www.example.test')]) },
        { name: 'example.test', type: 6, data: Buffer.concat([wireName('ns1.example.test'), wireName('hostmaster.example.test'), Buffer.from('0000000100000e100000038400093a800000003c', 'hex')]) },
        { name: 'example.test', type: 257, data: Buffer.concat([bytes(128, 5), Buffer.from('issueca.test')]) },
        { name: 'example.test', type: 13, data: Buffer.from('\x03cpu\x02os', 'latin1') },
        { name: 'example.test', type: 65280, data: bytes(1, 2, 3, 4) },
      ],
    });
    const m = decodeMessage(buf);
    expect(m.id).toBe(0x1234);
    expect(m.rcode).toBe(0);
    expect(m.flags).toEqual({ qr: true, opcode: 0, aa: false, tc: false, rd: true, ra: true, ad: false, cd: false });
    const data = m.answer.map((r) => [r.type, r.data instanceof Uint8Array ? [...r.data] : typeof r.data === 'object' && 'family' in r.data ? r.data.toString() : r.data]);
    expect(data).toEqual([
      ['a', '192.0.2.10'],
      ['aaaa', '2001:db8::10'],
      ['cname', 'web.example.test'],
      ['ns', 'ns1.example.test'],
      ['ptr', 'host.example.test'],
      ['mx', { priority: 10, exchange: 'mail.example.test' }],
      ['txt', ['hello', 'world']],
      ['srv', { priority: 1, weight: 2, port: 8080, name: 'www.example.test' }],
      ['soa', { nsname: 'ns1.example.test', hostmaster: 'hostmaster.example.test', serial: 1, refresh: 3600, retry: 900, expire: 604800, minttl: 60 }],
      ['caa', { flags: 128, critical: true, tag: 'issue', value: 'ca.test' }],
      ['hinfo', { cpu: 'cpu', os: 'os' }],
      ['type65280', [1, 2, 3, 4]],
    ]);
    expect(m.answer[0]).toMatchObject({ name: 'example.test', typeCode: 1, class: 1, ttl: 300 });
  });

  it('reads the OPT record into edns and the extended RCODE', () => {
    const opt = { name: '.', type: 41, cls: 4096, ttl: 0x01008000, data: Buffer.concat([u16(10), u16(2), bytes(0xab, 0xcd)]) };
    const m = decodeMessage(message({ question: Q, additional: [opt], flags: 0x8180 }));
    expect(m.rcode).toBe(16);
    expect(m.additional).toEqual([]);
    expect(m.edns).toEqual({ udpPayloadSize: 4096, version: 0, dnssecOk: true, options: [{ code: 10, data: Uint8Array.from([0xab, 0xcd]) }] });
    decodeFails(message({ question: Q, additional: [opt, opt] }), /more than one OPT/);
  });

  it('treats a TTL with the top bit set as zero (RFC 2181 §8)', () => {
    const m = decodeMessage(message({ question: Q, answer: [{ name: 'a', type: 1, ttl: 0x80000000, data: bytes(1, 2, 3, 4) }] }));
    expect(m.answer[0]!.ttl).toBe(0);
  });

  it.each([
    ['a short header', bytes(1, 2, 3), /shorter than a header/],
    ['counts with no data behind them', Buffer.concat([message({}).subarray(0, 4), u16(0), u16(65535), u16(65535), u16(65535)]), /past the end/],
    ['an A record of 5 octets', message({ question: Q, answer: [{ name: 'a', type: 1, data: bytes(1, 2, 3, 4, 5) }] }), /A RDATA is 5 octets/],
    ['an AAAA record of 4 octets', message({ question: Q, answer: [{ name: 'a', type: 28, data: bytes(1, 2, 3, 4) }] }), /AAAA RDATA is 4/],
    ['a CNAME with trailing octets', message({ question: Q, answer: [{ name: 'a', type: 5, data: Buffer.concat([wireName('b'), bytes(9)]) }] }), /octets after its name/],
    ['RDATA past the end', message({ question: Q, answer: [{ name: 'a', type: 1, data: bytes(1, 2, 3, 4) }] }).subarray(0, -2), /RDATA runs past/],
    ['a TXT string past RDATA', message({ question: Q, answer: [{ name: 'a', type: 16, data: bytes(9, 0x61) }] }), /character-string/],
    ['an empty TXT', message({ question: Q, answer: [{ name: 'a', type: 16, data: bytes() }] }), /TXT RDATA is empty/],
    ['a short SOA', message({ question: Q, answer: [{ name: 'a', type: 6, data: Buffer.concat([wireName('a'), wireName('b'), bytes(1)]) }] }), /SOA RDATA is 1 octets/],
    ['a short MX', message({ question: Q, answer: [{ name: 'a', type: 15, data: bytes(0, 1) }] }), /MX RDATA too short/],
    ['a short SRV', message({ question: Q, answer: [{ name: 'a', type: 33, data: bytes(0, 1, 0, 1) }] }), /SRV RDATA too short/],
    ['a CAA tag past RDATA', message({ question: Q, answer: [{ name: 'a', type: 257, data: bytes(0, 9, 0x61) }] }), /CAA tag/],
    ['a CNAME name past RDATA', message({ question: Q, answer: [{ name: 'a', type: 5, data: bytes(3, 0x61) }] }), /past the end/],
    ['an OPT owner not root', message({ question: Q, additional: [{ name: 'a', type: 41, data: bytes() }] }), /owner is not the root/],
    ['an EDNS option past OPT', message({ question: Q, additional: [{ name: '.', type: 41, data: bytes(0, 1, 0, 9) }] }), /EDNS option/],
  ])('rejects %s with DnsFormatError', (_what, buf, text) => {
    decodeFails(buf, text);
  });

  it(`caps the records at ${MAX_RECORDS}`, () => {
    const r = { name: bytes(0xc0, 12), type: 1, data: bytes(1, 2, 3, 4) };
    const ok = message({ question: Q, answer: Array.from({ length: MAX_RECORDS - 1 }, () => r) });
    expect(decodeMessage(ok).answer).toHaveLength(MAX_RECORDS - 1);
    decodeFails(message({ question: Q, answer: Array.from({ length: MAX_RECORDS }, () => r) }), /more than 4096 records/);
  });

  it('decodes the header alone', () => {
    const h = decodeHeader(message({ id: 7, flags: 0x8583, question: Q }));
    expect(h).toMatchObject({ id: 7, rcode: 3, qdcount: 1, ancount: 0 });
    expect(h.flags).toMatchObject({ qr: true, aa: true, tc: false, rd: true, ra: true });
  });
});

describe('record types', () => {
  it('maps names and codes both ways', () => {
    expect(recordTypeCode('MX')).toBe(15);
    expect(recordTypeCode('type65280')).toBe(65280);
    expect(recordTypeCode(257)).toBe(257);
    expect(recordTypeName(257)).toBe('caa');
    expect(recordTypeName(65280)).toBe('type65280');
    expect(() => recordTypeCode('bogus')).toThrow(TypeError);
    expect(() => recordTypeCode(70000)).toThrow(TypeError);
  });
});
