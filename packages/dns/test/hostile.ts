/**
 * Crafted, valid DNS messages that are expensive to decode naively: the
 * worst cases of issue 12 (pointer chains to a long name), for the fuzz
 * corpus, the decoder's structural tests and the cost measurement in
 * scripts/fuzz.ts.
 */
import { u16 } from './packet.js';

/** `labels` one-octet labels `c`, then the root: 127 labels give the longest name (255 octets). */
function oneOctetLabels(labels: number, c: number): Buffer {
  const b = Buffer.alloc(2 * labels + 1);
  for (let i = 0; i < labels; i++) {
    b[2 * i] = 1;
    b[2 * i + 1] = c;
  }
  return b;
}

function pointer(to: number): Buffer {
  return u16(0xc000 | to);
}

function header(type: number, rdlength: number): Buffer {
  const h = Buffer.alloc(10);
  h.writeUInt16BE(type, 0);
  h.writeUInt16BE(1, 2);
  h.writeUInt32BE(300, 4);
  h.writeUInt16BE(rdlength, 8);
  return h;
}

/**
 * A reply whose question is a 64-label name (it fills a small name cache)
 * and whose answer holds `records` records: the first has the 127-label,
 * 255-octet name as its owner and, as RDATA of an unknown type, 63
 * compression pointers each pointing at the one before (the first at that
 * owner name); every other record's owner points at the last of them, so
 * each owner name is a chain of 64 pointers ending in the 255-octet name.
 *
 * @param records - answer records (4,095 gives the 49 KB TCP reply of the issue; 300 fits a 4 KB UDP one)
 * @param type - the type code of the records after the first (default 65280, a type without a decoder)
 * @param rdlength - their RDATA length (octets 7)
 */
export function pointerChainReply(records = 4095, type = 65280, rdlength = 0): Buffer {
  const parts: Buffer[] = [];
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0x1234, 0);
  head.writeUInt16BE(0x8180, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt16BE(records, 6);
  const question = oneOctetLabels(64, 0x62);
  parts.push(head, question, u16(1), u16(1));
  const long = 12 + question.length + 4;
  // Record 1: the long owner name; RDATA: the pointer pool.
  parts.push(oneOctetLabels(127, 0x61), header(65280, 126));
  const pool = long + 255 + 10;
  parts.push(pointer(long));
  for (let k = 1; k < 63; k++) parts.push(pointer(pool + 2 * (k - 1)));
  const last = pool + 2 * 62;
  for (let i = 1; i < records; i++) parts.push(pointer(last), header(type, rdlength), Buffer.alloc(rdlength, 7));
  return Buffer.concat(parts);
}
