import { describe, expect, it } from 'vitest';
import { decodeHeader, decodeMessage, DnsFormatError, MAX_RECORDS } from '../src/index.js';
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

describe('decodeMessage', () => {
  it('reads the OPT record into edns and the extended RCODE', () => {
    const opt = { name: '.', type: 41, cls: 4096, ttl: 0x01008000, data: Buffer.concat([u16(10), u16(2), bytes(0xab, 0xcd)]) };
    const m = decodeMessage(message({ question: Q, additional: [opt], flags: 0x8180 }));
    expect(m.rcode).toBe(16);
    expect(m.additional).toEqual([]);
    expect(m.edns).toEqual({
      udpPayloadSize: 4096,
      version: 0,
      dnssecOk: true,
      options: [{ code: 10, data: Uint8Array.from([0xab, 0xcd]) }],
    });
    decodeFails(message({ question: Q, additional: [opt, opt] }), /more than one OPT/);
  });

  it('treats a TTL with the top bit set as zero (RFC 2181 §8)', () => {
    const m = decodeMessage(message({ question: Q, answer: [{ name: 'a', type: 1, ttl: 0x80000000, data: bytes(1, 2, 3, 4) }] }));
    expect(m.answer[0]!.ttl).toBe(0);
  });

  it.each([
    ['a short header', bytes(1, 2, 3), /shorter than a header/],
    [
      'counts with no data behind them',
      Buffer.concat([message({}).subarray(0, 4), u16(0), u16(65535), u16(65535), u16(65535)]),
      /past the end/,
    ],
    [
      'an A record of 5 octets',
      message({ question: Q, answer: [{ name: 'a', type: 1, data: bytes(1, 2, 3, 4, 5) }] }),
      /A RDATA is 5 octets/,
    ],
    ['an AAAA record of 4 octets', message({ question: Q, answer: [{ name: 'a', type: 28, data: bytes(1, 2, 3, 4) }] }), /AAAA RDATA is 4/],
    [
      'a CNAME with trailing octets',
      message({ question: Q, answer: [{ name: 'a', type: 5, data: Buffer.concat([wireName('b'), bytes(9)]) }] }),
      /octets after its name/,
    ],
    [
      'RDATA past the end',
      message({ question: Q, answer: [{ name: 'a', type: 1, data: bytes(1, 2, 3, 4) }] }).subarray(0, -2),
      /RDATA runs past/,
    ],
    ['a TXT string past RDATA', message({ question: Q, answer: [{ name: 'a', type: 16, data: bytes(9, 0x61) }] }), /character-string/],
    ['an empty TXT', message({ question: Q, answer: [{ name: 'a', type: 16, data: bytes() }] }), /TXT RDATA is empty/],
    [
      'a short SOA',
      message({ question: Q, answer: [{ name: 'a', type: 6, data: Buffer.concat([wireName('a'), wireName('b'), bytes(1)]) }] }),
      /SOA RDATA is 1 octets/,
    ],
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

describe('decodeMessage and decodeHeader argument checks', () => {
  it.each([null, undefined, 'abc', [1, 2, 3], 12])('%j is a TypeError naming the function', (value) => {
    expect(() => decodeMessage(value as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => decodeMessage(value as unknown as Uint8Array)).toThrow(/^decodeMessage: bytes must be a Uint8Array, got /);
    expect(() => decodeHeader(value as unknown as Uint8Array)).toThrow(/^decodeHeader: bytes must be a Uint8Array, got /);
  });

  it('names the value', () => {
    expect(() => decodeMessage(null as unknown as Uint8Array)).toThrow(
      new TypeError('decodeMessage: bytes must be a Uint8Array, got null'),
    );
    expect(() => decodeMessage([1] as unknown as Uint8Array)).toThrow(
      new TypeError('decodeMessage: bytes must be a Uint8Array, got an array'),
    );
  });
});

describe('rcodeName', () => {
  it('names the RCODE, extended bits included', () => {
    expect(decodeMessage(message({ flags: 0x8183, question: Q })).rcodeName).toBe('NXDOMAIN');
    expect(decodeMessage(message({ question: Q })).rcodeName).toBe('NOERROR');
    expect(decodeMessage(message({ flags: 0x818f, question: Q }))).toMatchObject({ rcode: 15, rcodeName: 'RCODE15' });
    // OPT with extended RCODE 1: (1 << 4) | 0 = 16, BADVERS.
    const opt = { name: bytes(0), type: 41, cls: 1232, ttl: 0x01000000, data: Buffer.alloc(0) };
    expect(decodeMessage(message({ question: Q, additional: [opt] }))).toMatchObject({ rcode: 16, rcodeName: 'BADVERS' });
  });
});
