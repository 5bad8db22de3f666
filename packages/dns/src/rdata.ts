/**
 * RDATA decoders (RFC 1035 §3.3, RFC 3596, RFC 2782, RFC 8659). Each one must
 * consume exactly RDLENGTH octets; a type without a decoder is kept as raw
 * bytes, never a failure.
 */
import { DnsFormatError } from './errors.js';
import { ipv4FromBytes, ipv6FromBytes } from './addresses.js';
import { readName } from './name-codec.js';
import type { DnsRecordData } from './types.js';

function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
}

function expectLength(type: string, actual: number, wanted: number, at: number): void {
  if (actual !== wanted) throw new DnsFormatError(`${type} RDATA is ${actual} octets, expected ${wanted}`, at);
}

function nameAt(buf: Uint8Array, pos: number, end: number, type: string, last: boolean): { name: string; next: number } {
  const r = readName(buf, pos, end);
  if (last && r.next !== end) throw new DnsFormatError(`${type} RDATA has ${end - r.next} octets after its name`, r.next);
  return r;
}

function characterStrings(buf: Uint8Array, start: number, end: number): string[] {
  const chunks: string[] = [];
  let pos = start;
  while (pos < end) {
    const len = buf[pos]!;
    if (pos + 1 + len > end) throw new DnsFormatError('character-string runs past the end of RDATA', pos);
    chunks.push(Buffer.from(buf.buffer, buf.byteOffset + pos + 1, len).toString('utf8'));
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
 * @returns the decoded data; a copy of the raw bytes for types without a decoder
 * @throws {DnsFormatError} when the RDATA does not match its type's layout
 * @example
 * ```ts
 * decodeRdata(msg, 1, 40, 44) // IPv4Address 192.0.2.10
 * ```
 */
export function decodeRdata(buf: Uint8Array, type: number, start: number, end: number): DnsRecordData {
  const len = end - start;
  switch (type) {
    case 1:
      expectLength('A', len, 4, start);
      return ipv4FromBytes(buf, start);
    case 28:
      expectLength('AAAA', len, 16, start);
      return ipv6FromBytes(buf, start);
    case 2:
      return nameAt(buf, start, end, 'NS', true).name;
    case 5:
      return nameAt(buf, start, end, 'CNAME', true).name;
    case 12:
      return nameAt(buf, start, end, 'PTR', true).name;
    case 15: {
      if (len < 3) throw new DnsFormatError('MX RDATA too short', start);
      return { priority: u16(buf, start), exchange: nameAt(buf, start + 2, end, 'MX', true).name };
    }
    case 33: {
      if (len < 7) throw new DnsFormatError('SRV RDATA too short', start);
      return { priority: u16(buf, start), weight: u16(buf, start + 2), port: u16(buf, start + 4), name: nameAt(buf, start + 6, end, 'SRV', true).name };
    }
    case 6: {
      const m = nameAt(buf, start, end, 'SOA', false);
      const r = nameAt(buf, m.next, end, 'SOA', false);
      expectLength('SOA', end - r.next, 20, r.next);
      const p = r.next;
      return {
        nsname: m.name, hostmaster: r.name, serial: u32(buf, p), refresh: u32(buf, p + 4),
        retry: u32(buf, p + 8), expire: u32(buf, p + 12), minttl: u32(buf, p + 16),
      };
    }
    case 16:
      if (len === 0) throw new DnsFormatError('TXT RDATA is empty', start);
      return characterStrings(buf, start, end);
    case 13: {
      const parts = characterStrings(buf, start, end);
      if (parts.length !== 2) throw new DnsFormatError(`HINFO RDATA has ${parts.length} strings, expected 2`, start);
      return { cpu: parts[0]!, os: parts[1]! };
    }
    case 257: {
      if (len < 2) throw new DnsFormatError('CAA RDATA too short', start);
      const flags = buf[start]!;
      const tagLength = buf[start + 1]!;
      if (tagLength === 0 || start + 2 + tagLength > end) throw new DnsFormatError('CAA tag length is zero or runs past RDATA', start + 1);
      const tag = Buffer.from(buf.buffer, buf.byteOffset + start + 2, tagLength).toString('latin1');
      const value = Buffer.from(buf.buffer, buf.byteOffset + start + 2 + tagLength, end - start - 2 - tagLength).toString('utf8');
      return { flags, critical: (flags & 0x80) !== 0, tag, value };
    }
    default:
      return new Uint8Array(buf.subarray(start, end));
  }
}
