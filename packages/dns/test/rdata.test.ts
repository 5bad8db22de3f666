import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/index.js';
import { bytes, message, u16, wireName } from './packet.js';

const Q = [{ name: 'example.test', type: 1 }];

describe('RDATA decoders', () => {
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
        {
          name: 'example.test',
          type: 6,
          data: Buffer.concat([
            wireName('ns1.example.test'),
            wireName('hostmaster.example.test'),
            Buffer.from('0000000100000e100000038400093a800000003c', 'hex'),
          ]),
        },
        { name: 'example.test', type: 257, data: Buffer.concat([bytes(128, 5), Buffer.from('issueca.test')]) },
        { name: 'example.test', type: 13, data: Buffer.from('\x03cpu\x02os', 'latin1') },
        { name: 'example.test', type: 65280, data: bytes(1, 2, 3, 4) },
      ],
    });
    const m = decodeMessage(buf);
    expect(m.id).toBe(0x1234);
    expect(m.rcode).toBe(0);
    expect(m.flags).toEqual({ qr: true, opcode: 0, aa: false, tc: false, rd: true, ra: true, ad: false, cd: false });
    const data = m.answer.map((r) => [
      r.type,
      r.data instanceof Uint8Array ? [...r.data] : typeof r.data === 'object' && 'family' in r.data ? r.data.toString() : r.data,
    ]);
    expect(data).toEqual([
      ['a', '192.0.2.10'],
      ['aaaa', '2001:db8::10'],
      ['cname', 'web.example.test'],
      ['ns', 'ns1.example.test'],
      ['ptr', 'host.example.test'],
      ['mx', { priority: 10, exchange: 'mail.example.test' }],
      ['txt', ['hello', 'world']],
      ['srv', { priority: 1, weight: 2, port: 8080, name: 'www.example.test' }],
      [
        'soa',
        {
          nsname: 'ns1.example.test',
          hostmaster: 'hostmaster.example.test',
          serial: 1,
          refresh: 3600,
          retry: 900,
          expire: 604800,
          minttl: 60,
        },
      ],
      ['caa', { flags: 128, critical: true, tag: 'issue', value: 'ca.test' }],
      ['hinfo', { cpu: 'cpu', os: 'os' }],
      ['type65280', [1, 2, 3, 4]],
    ]);
    expect(m.answer[0]).toMatchObject({ name: 'example.test', typeCode: 1, class: 1, ttl: 300 });
  });
});
