/**
 * RDATA decoders (RFC 1035 §3.3, RFC 3596, RFC 2782, RFC 8659). Each one must
 * consume exactly RDLENGTH octets; a type without a decoder is kept as raw
 * bytes, never a failure.
 */
import { DnsFormatError } from './errors.js';
import { ipv4FromBytes, ipv6FromBytes } from '@iolib/address';
import { readName } from './name-codec.js';
import type { NameTable } from './name-table.js';
import type { DnsRecordData } from './types.js';

/** Where the raw RDATA of types without a decoder comes from: views into one copy of the message. */
export interface RawSource {
  /** A view of octets `start` to `end` of a copy of the message. */
  raw(start: number, end: number): Uint8Array;
}

function expectLength(type: string, actual: number, wanted: number, at: number): void {
  if (actual !== wanted) throw new DnsFormatError(`${type} RDATA is ${actual} octets, expected ${wanted}`, at);
}

function nameAt(
  buf: Buffer,
  pos: number,
  end: number,
  type: string,
  last: boolean,
  table: NameTable | undefined,
): { name: string; next: number } {
  const r = readName(buf, pos, end, table);
  if (last && r.next !== end) throw new DnsFormatError(`${type} RDATA has ${end - r.next} octets after its name`, r.next);
  return r;
}

function characterStrings(buf: Buffer, start: number, end: number): string[] {
  const chunks: string[] = [];
  let pos = start;
  while (pos < end) {
    const len = buf.readUInt8(pos);
    if (pos + 1 + len > end) throw new DnsFormatError('character-string runs past the end of RDATA', pos);
    chunks.push(buf.toString('utf8', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return chunks;
}

/**
 * Decodes the RDATA of one record.
 *
 * @param buf - the whole message (names in RDATA may point into it)
 * @param type - the record's type code
 * @param start - first octet of RDATA
 * @param end - one past the last octet of RDATA (already checked to be inside `buf`)
 * @param table - names already read in this message
 * @param source - gives raw RDATA (default: a copy of its own)
 * @returns the decoded data; the raw bytes (not shared with `buf`) for types without a decoder
 * @throws {DnsFormatError} when the RDATA does not match its type's layout
 * @example
 * ```ts
 * decodeRdata(msg, 1, 40, 44) // IPv4Address 192.0.2.10
 * ```
 */
export function decodeRdata(buf: Buffer, type: number, start: number, end: number, table?: NameTable, source?: RawSource): DnsRecordData {
  const len = end - start;
  switch (type) {
    case 1:
      expectLength('A', len, 4, start);
      return ipv4FromBytes(buf, start);
    case 28:
      expectLength('AAAA', len, 16, start);
      return ipv6FromBytes(buf, start);
    case 2:
      return nameAt(buf, start, end, 'NS', true, table).name;
    case 5:
      return nameAt(buf, start, end, 'CNAME', true, table).name;
    case 12:
      return nameAt(buf, start, end, 'PTR', true, table).name;
    case 15: {
      if (len < 3) throw new DnsFormatError('MX RDATA too short', start);
      return { priority: buf.readUInt16BE(start), exchange: nameAt(buf, start + 2, end, 'MX', true, table).name };
    }
    case 33: {
      if (len < 7) throw new DnsFormatError('SRV RDATA too short', start);
      return {
        priority: buf.readUInt16BE(start),
        weight: buf.readUInt16BE(start + 2),
        port: buf.readUInt16BE(start + 4),
        name: nameAt(buf, start + 6, end, 'SRV', true, table).name,
      };
    }
    case 6: {
      const m = nameAt(buf, start, end, 'SOA', false, table);
      const r = nameAt(buf, m.next, end, 'SOA', false, table);
      expectLength('SOA', end - r.next, 20, r.next);
      const p = r.next;
      return {
        nsname: m.name,
        hostmaster: r.name,
        serial: buf.readUInt32BE(p),
        refresh: buf.readUInt32BE(p + 4),
        retry: buf.readUInt32BE(p + 8),
        expire: buf.readUInt32BE(p + 12),
        minttl: buf.readUInt32BE(p + 16),
      };
    }
    case 16:
      if (len === 0) throw new DnsFormatError('TXT RDATA is empty', start);
      return characterStrings(buf, start, end);
    case 13: {
      const [cpu, os, ...rest] = characterStrings(buf, start, end);
      if (cpu === undefined || os === undefined || rest.length > 0)
        throw new DnsFormatError(
          `HINFO RDATA has ${rest.length + (cpu === undefined ? 0 : 1) + (os === undefined ? 0 : 1)} strings, expected 2`,
          start,
        );
      return { cpu, os };
    }
    case 257: {
      if (len < 2) throw new DnsFormatError('CAA RDATA too short', start);
      const flags = buf.readUInt8(start);
      const tagLength = buf.readUInt8(start + 1);
      if (tagLength === 0 || start + 2 + tagLength > end) throw new DnsFormatError('CAA tag length is zero or runs past RDATA', start + 1);
      const tag = buf.toString('latin1', start + 2, start + 2 + tagLength);
      const value = buf.toString('utf8', start + 2 + tagLength, end);
      return { flags, critical: (flags & 0x80) !== 0, tag, value };
    }
    default:
      return source === undefined ? new Uint8Array(buf.subarray(start, end)) : source.raw(start, end);
  }
}
