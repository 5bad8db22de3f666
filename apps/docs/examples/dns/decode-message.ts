/**
 * Encode a query and decode a reply by hand: the codec under dnsQuery, safe
 * on any input (it throws only DnsFormatError).
 */
import { decodeMessage, DnsFormatError, encodeQuery } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const query = encodeQuery({ id: 0x1234, name: 'www.example.test', type: 1, edns: false });
  // Turn the query into a reply by hand: QR set, one A record pointing at the question name.
  const reply = Buffer.concat([query, Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 192, 0, 2, 1])]);
  reply.writeUInt16BE(0x8180, 2);
  reply.writeUInt16BE(1, 6);
  const message = decodeMessage(reply);
  let hostile = '';
  try {
    decodeMessage(Buffer.from([0, 0, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12]));
  } catch (e) {
    if (e instanceof DnsFormatError) hostile = e.message;
  }
  return {
    queryHex: query.toString('hex'),
    answer: message.answer.map((r) => `${r.name} ${r.type} ${r.ttl} ${JSON.stringify(r.data)}`),
    hostile,
  };
}
