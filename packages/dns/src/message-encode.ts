/**
 * Encodes DNS queries (RFC 1035 §4.1): one question, class IN, opcode QUERY,
 * and optionally an EDNS0 OPT record (RFC 6891) advertising a 1232-byte UDP payload.
 */
import { nameToLabels } from './name-codec.js';
import { CLASS_IN, EDNS_PAYLOAD, TYPE_OPT } from './types.js';

/** What goes into a query. */
export interface QuerySpec {
  /** Message ID, 0–65535 (take it from `crypto`). */
  readonly id: number;
  /** Name in presentation format, ASCII. */
  readonly name: string;
  /** Type code. */
  readonly type: number;
  /** Class code; default IN. */
  readonly class?: number;
  /** Recursion desired; default true. */
  readonly recursionDesired?: boolean;
  /** Add an EDNS0 OPT record; default true. */
  readonly edns?: boolean;
  /** EDNS0 UDP payload size; default 1232. */
  readonly udpPayloadSize?: number;
}

/**
 * Encodes a standard query.
 *
 * @param spec - ID, name, type and options
 * @returns the message bytes (no TCP length prefix)
 * @throws {DnsFormatError} when the name is not a valid DNS name (empty or long label, name over 255 octets, non-ASCII)
 * @throws {RangeError} when the ID or type is out of range
 * @example
 * ```ts
 * encodeQuery({ id: 0x1234, name: 'www.example.test', type: 1, edns: false })
 * // 12 34 01 00 00 01 00 00 00 00 00 00 03 'www' 07 'example' 04 'test' 00 00 01 00 01
 * ```
 */
export function encodeQuery(spec: QuerySpec): Buffer {
  const { id, type } = spec;
  if (!Number.isInteger(id) || id < 0 || id > 0xffff) throw new RangeError(`DNS message ID ${id} is not in 0–65535`);
  if (!Number.isInteger(type) || type < 0 || type > 0xffff) throw new RangeError(`DNS type ${type} is not in 0–65535`);
  const labels = nameToLabels(spec.name);
  const edns = spec.edns ?? true;
  let nameLength = 1;
  for (const l of labels) nameLength += l.length + 1;
  const buf = Buffer.allocUnsafe(12 + nameLength + 4 + (edns ? 11 : 0));
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE((spec.recursionDesired ?? true) ? 0x0100 : 0, 2);
  buf.writeUInt16BE(1, 4);
  buf.writeUInt16BE(0, 6);
  buf.writeUInt16BE(0, 8);
  buf.writeUInt16BE(edns ? 1 : 0, 10);
  let pos = 12;
  for (const l of labels) {
    buf[pos++] = l.length;
    buf.set(l, pos);
    pos += l.length;
  }
  buf[pos++] = 0;
  buf.writeUInt16BE(type, pos);
  buf.writeUInt16BE(spec.class ?? CLASS_IN, pos + 2);
  pos += 4;
  if (edns) {
    buf[pos] = 0;
    buf.writeUInt16BE(TYPE_OPT, pos + 1);
    buf.writeUInt16BE(spec.udpPayloadSize ?? EDNS_PAYLOAD, pos + 3);
    buf.writeUInt32BE(0, pos + 5);
    buf.writeUInt16BE(0, pos + 9);
  }
  return buf;
}
