/**
 * Decodes DNS messages, safe on hostile input: a bounds-checked cursor, names
 * read by {@link readName} (backward-only pointers, jump and length limits),
 * nothing allocated from a count read off the wire, at most
 * {@link MAX_RECORDS} records. On any bytes it throws only {@link DnsFormatError}.
 */
import { checkBytes } from './check.js';
import { DnsFormatError } from './errors.js';
import { readName } from './name-codec.js';
import { NameTable } from './name-table.js';
import { decodeRdata } from './rdata.js';
import type { RawSource } from './rdata.js';
import { rcodeName, recordTypeName, TYPE_OPT } from './types.js';
import type { DnsEdns, DnsFlags, DnsMessage, DnsQuestion, DnsRecord } from './types.js';

/** Most records (all sections together) one message may hold. */
export const MAX_RECORDS = 4096;

/** The fixed header of a message. */
export interface DnsHeader {
  readonly id: number;
  readonly flags: DnsFlags;
  /** The 4-bit header RCODE (without EDNS extended bits). */
  readonly rcode: number;
  readonly qdcount: number;
  readonly ancount: number;
  readonly nscount: number;
  readonly arcount: number;
}

/** The bytes as a Buffer view (no copy), for its bounds-checked readers. */
function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/**
 * Decodes the 12-octet header.
 *
 * @param bytes - message bytes
 * @returns the header fields
 * @throws {DnsFormatError} when `bytes` is shorter than 12 octets
 * @throws {TypeError} when `bytes` is not a `Uint8Array`
 * @example
 * ```ts
 * decodeHeader(reply).id
 * ```
 */
export function decodeHeader(bytes: Uint8Array): DnsHeader {
  checkBytes('decodeHeader', 'bytes', bytes);
  return header(bytes);
}

function header(bytes: Uint8Array): DnsHeader {
  if (bytes.length < 12) throw new DnsFormatError(`message of ${bytes.length} octets is shorter than a header`, 0);
  const buf = asBuffer(bytes);
  const f = buf.readUInt16BE(2);
  return {
    id: buf.readUInt16BE(0),
    flags: {
      qr: (f & 0x8000) !== 0,
      opcode: (f >> 11) & 0xf,
      aa: (f & 0x400) !== 0,
      tc: (f & 0x200) !== 0,
      rd: (f & 0x100) !== 0,
      ra: (f & 0x80) !== 0,
      ad: (f & 0x20) !== 0,
      cd: (f & 0x10) !== 0,
    },
    rcode: f & 0xf,
    qdcount: buf.readUInt16BE(4),
    ancount: buf.readUInt16BE(6),
    nscount: buf.readUInt16BE(8),
    arcount: buf.readUInt16BE(10),
  };
}

class Reader implements RawSource {
  pos = 12;
  records = 0;
  edns: DnsEdns | undefined;
  extendedRcode = 0;
  readonly names = new NameTable();
  /** One copy of the message, made on first need: raw RDATA and EDNS options are views into it. */
  private copy: Uint8Array | undefined;
  constructor(readonly buf: Buffer) {}

  raw(start: number, end: number): Uint8Array {
    this.copy ??= new Uint8Array(this.buf);
    return this.copy.subarray(start, end);
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.buf.length) throw new DnsFormatError(`${what} runs past the end of the message`, this.pos);
  }

  question(): DnsQuestion {
    const { name, next } = readName(this.buf, this.pos, this.buf.length, this.names);
    this.pos = next;
    this.need(4, 'question');
    const typeCode = this.buf.readUInt16BE(this.pos);
    const cls = this.buf.readUInt16BE(this.pos + 2);
    this.pos += 4;
    return { name, type: recordTypeName(typeCode), typeCode, class: cls };
  }

  record(section: 'answer' | 'authority' | 'additional'): DnsRecord | undefined {
    if (++this.records > MAX_RECORDS) throw new DnsFormatError(`more than ${MAX_RECORDS} records`, this.pos);
    const { name, next } = readName(this.buf, this.pos, this.buf.length, this.names);
    this.pos = next;
    this.need(10, 'record header');
    const b = this.buf;
    const p = this.pos;
    const typeCode = b.readUInt16BE(p);
    const cls = b.readUInt16BE(p + 2);
    const ttlRaw = b.readUInt32BE(p + 4);
    const rdlength = b.readUInt16BE(p + 8);
    this.pos += 10;
    this.need(rdlength, 'RDATA');
    const start = this.pos;
    const end = start + rdlength;
    this.pos = end;
    if (typeCode === TYPE_OPT && section === 'additional') {
      if (this.edns !== undefined) throw new DnsFormatError('more than one OPT record', start - 10);
      if (name !== '.') throw new DnsFormatError('OPT record owner is not the root', start - 10);
      this.extendedRcode = ttlRaw >>> 24;
      this.edns = {
        udpPayloadSize: cls,
        version: (ttlRaw >>> 16) & 0xff,
        dnssecOk: (ttlRaw & 0x8000) !== 0,
        options: ednsOptions(this, b, start, end),
      };
      return undefined;
    }
    // RFC 2181 §8: a TTL with the top bit set is treated as zero.
    const ttl = ttlRaw > 0x7fffffff ? 0 : ttlRaw;
    return {
      name,
      type: recordTypeName(typeCode),
      typeCode,
      class: cls,
      ttl,
      data: decodeRdata(b, typeCode, start, end, this.names, this),
    } as DnsRecord;
  }

  section(count: number, section: 'answer' | 'authority' | 'additional'): DnsRecord[] {
    const out: DnsRecord[] = [];
    for (let i = 0; i < count; i++) {
      const r = this.record(section);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
}

function ednsOptions(source: RawSource, b: Buffer, start: number, end: number): Array<{ code: number; data: Uint8Array }> {
  const options: Array<{ code: number; data: Uint8Array }> = [];
  let pos = start;
  while (pos < end) {
    if (pos + 4 > end) throw new DnsFormatError('EDNS option header runs past OPT RDATA', pos);
    const code = b.readUInt16BE(pos);
    const len = b.readUInt16BE(pos + 2);
    if (pos + 4 + len > end) throw new DnsFormatError('EDNS option runs past OPT RDATA', pos);
    options.push({ code, data: source.raw(pos + 4, pos + 4 + len) });
    pos += 4 + len;
  }
  return options;
}

/** The question section: `count` entries, each counted against the record cap. */
function readQuestions(r: Reader, count: number): DnsQuestion[] {
  const question: DnsQuestion[] = [];
  for (let i = 0; i < count; i++) {
    if (++r.records > MAX_RECORDS) throw new DnsFormatError(`more than ${MAX_RECORDS} records`, r.pos);
    question.push(r.question());
  }
  return question;
}

/**
 * Decodes a whole message. The OPT record goes to `edns` and its extended
 * RCODE bits into `rcode`.
 *
 * @param bytes - message bytes (without the TCP length prefix)
 * @returns the decoded message
 * @throws {DnsFormatError} on anything malformed in the bytes
 * @throws {TypeError} when `bytes` is not a `Uint8Array`
 * @example
 * ```ts
 * const msg = decodeMessage(reply);
 * for (const rr of msg.answer) console.log(rr.name, rr.type, rr.ttl, rr.data);
 * ```
 */
export function decodeMessage(bytes: Uint8Array): DnsMessage {
  checkBytes('decodeMessage', 'bytes', bytes);
  const h = header(bytes);
  const r = new Reader(asBuffer(bytes));
  const question = readQuestions(r, h.qdcount);
  const answer = r.section(h.ancount, 'answer');
  const authority = r.section(h.nscount, 'authority');
  const additional = r.section(h.arcount, 'additional');
  const rcode = (r.extendedRcode << 4) | h.rcode;
  const { id, flags } = h;
  const name = rcodeName(rcode);
  return r.edns === undefined
    ? { id, rcode, rcodeName: name, flags, question, answer, authority, additional }
    : { id, rcode, rcodeName: name, flags, question, answer, authority, additional, edns: r.edns };
}
