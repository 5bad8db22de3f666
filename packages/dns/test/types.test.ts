import { IPv4Address } from '@iolib/address';
import type { IPv6Address } from '@iolib/address';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { decodeMessage, rcodeName, recordTypeCode, recordTypeName } from '../src/index.js';
import type { CaaData, DnsRecord, DnsRecordData, MxData, RawRecordType, SoaData, SrvData } from '../src/index.js';
import { bytes, message, u16, wireName } from './packet.js';

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

describe('record types: argument checks', () => {
  it('names the function and the value', () => {
    expect(() => recordTypeName(-1)).toThrow(new RangeError('recordTypeName: code must be an integer in 0–65535, got -1'));
    expect(() => recordTypeName(1.5)).toThrow(RangeError);
    expect(() => recordTypeCode(null as unknown as string)).toThrow(
      new TypeError('recordTypeCode: type must be a record type name or number, got object'),
    );
    expect(() => recordTypeCode(70000)).toThrow(new TypeError('recordTypeCode: type 70000 is not an integer in 0–65535'));
    expect(() => recordTypeCode('bogus')).toThrow(
      new TypeError('recordTypeCode: type "bogus" is not a known record type (use a name like \'mx\' or a number)'),
    );
  });
});

describe('rcodeName', () => {
  it('names RCODEs, and makes up a name for the others', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 16].map(rcodeName)).toEqual([
      'NOERROR',
      'FORMERR',
      'SERVFAIL',
      'NXDOMAIN',
      'NOTIMP',
      'REFUSED',
      'NOTAUTH',
      'BADVERS',
    ]);
    expect(rcodeName(4095)).toBe('RCODE4095');
    expect(() => rcodeName(4096)).toThrow(new RangeError('rcodeName: code must be an integer in 0–4095, got 4096'));
  });
});

describe('DnsRecord is a union discriminated by type', () => {
  it('narrows data by checking type (types), and the decoder agrees (values)', () => {
    const m = decodeMessage(
      message({
        question: [{ name: 'a.test', type: 15 }],
        answer: [
          { name: 'a.test', type: 15, data: Buffer.concat([u16(10), wireName('mx.a.test')]) },
          { name: 'a.test', type: 1, data: bytes(192, 0, 2, 1) },
          { name: 'a.test', type: 99, data: bytes(1, 2) },
        ],
      }),
    );
    const seen: string[] = [];
    for (const rr of m.answer) {
      expectTypeOf(rr).toEqualTypeOf<DnsRecord>();
      expectTypeOf(rr.data).toEqualTypeOf<DnsRecordData>();
      if (rr.type === 'mx') {
        expectTypeOf(rr.data).toEqualTypeOf<MxData>();
        seen.push(`${rr.data.priority} ${rr.data.exchange}`);
      } else if (rr.type === 'a') {
        expectTypeOf(rr.data).toEqualTypeOf<IPv4Address>();
        expect(rr.data).toBeInstanceOf(IPv4Address);
        seen.push(rr.data.toString());
      } else if (rr.type === 'type99') {
        expectTypeOf(rr.data).toEqualTypeOf<Uint8Array>();
        seen.push(String(rr.data.length));
      }
    }
    expect(seen).toEqual(['10 mx.a.test', '192.0.2.1', '2']);
    expectTypeOf<Extract<DnsRecord, { type: 'aaaa' }>['data']>().toEqualTypeOf<IPv6Address>();
    expectTypeOf<Extract<DnsRecord, { type: 'srv' }>['data']>().toEqualTypeOf<SrvData>();
    expectTypeOf<Extract<DnsRecord, { type: 'soa' }>['data']>().toEqualTypeOf<SoaData>();
    expectTypeOf<Extract<DnsRecord, { type: 'caa' }>['data']>().toEqualTypeOf<CaaData>();
    expectTypeOf<Extract<DnsRecord, { type: 'txt' }>['data']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Extract<DnsRecord, { type: 'cname' }>['data']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<DnsRecord, { type: RawRecordType }>['data']>().toEqualTypeOf<Uint8Array>();
    expectTypeOf(m.rcodeName).toEqualTypeOf<string>();
  });
});
