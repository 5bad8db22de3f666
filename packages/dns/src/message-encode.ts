/**
 * Encodes DNS queries (RFC 1035 §4.1): one question, class IN, opcode QUERY,
 * and optionally an EDNS0 OPT record (RFC 6891) advertising a 1232-byte UDP payload.
 */
import { checkInteger, checkObject, checkOptionalBoolean, checkString } from './check.js';
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
  /** EDNS0 UDP payload size, 512–65535 (RFC 6891 §6.2.5); default 1232. */
  readonly udpPayloadSize?: number;
}

/**
 * Encodes a standard query.
 *
 * @param spec - ID, name, type and options
 * @returns the message bytes (no TCP length prefix)
 * @throws {DnsFormatError} when the name is not a valid DNS name (empty or long label, name over 255 octets, non-ASCII)
 * @throws {RangeError} when `id`, `type`, `class` or `udpPayloadSize` is out of range (naming it)
 * @throws {TypeError} when `spec` is not an object or a field has the wrong type (naming it)
 * @example
 * ```ts
 * encodeQuery({ id: 0x1234, name: 'www.example.test', type: 1, edns: false })
 * // 12 34 01 00 00 01 00 00 00 00 00 00 03 'www' 07 'example' 04 'test' 00 00 01 00 01
 * ```
 */
export function encodeQuery(spec: QuerySpec): Buffer {
  checkObject('encodeQuery', 'spec', spec, false);
  checkString('encodeQuery', 'name', spec.name);
  checkInteger('encodeQuery', 'id', spec.id, 0, 0xffff);
  checkInteger('encodeQuery', 'type', spec.type, 0, 0xffff);
  if (spec.class !== undefined) checkInteger('encodeQuery', 'class', spec.class, 0, 0xffff);
  checkOptionalBoolean('encodeQuery', 'recursionDesired', spec.recursionDesired);
  checkOptionalBoolean('encodeQuery', 'edns', spec.edns);
  if (spec.udpPayloadSize !== undefined) checkInteger('encodeQuery', 'udpPayloadSize', spec.udpPayloadSize, 512, 0xffff);
  return encodeQueryWire(spec, encodeName(spec.name));
}

/**
 * The uncompressed wire form of a name (length-prefixed labels, then the root).
 *
 * @param name - presentation format, ASCII
 * @returns the octets
 * @throws {DnsFormatError} when `name` is not a valid DNS name
 * @example
 * ```ts
 * encodeName('a.test') // <01 61 04 74 65 73 74 00>
 * ```
 */
export function encodeName(name: string): Buffer {
  return plainName(name) ?? escapedName(name);
}

/** One pass for the usual name (ASCII, no escapes); `undefined` sends anything unusual to the careful path. */
function plainName(name: string): Buffer | undefined {
  const end = name.endsWith('.') ? name.length - 1 : name.length;
  if (end <= 0 || end > 253) return undefined;
  const out = Buffer.allocUnsafe(end + 2);
  let lenPos = 0;
  let pos = 1;
  for (let i = 0; i < end; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) {
      const len = pos - lenPos - 1;
      if (len === 0 || len > 63) return undefined;
      out[lenPos] = len;
      lenPos = pos++;
    } else {
      if (c > 0x7f || c === 0x5c) return undefined;
      out[pos++] = c;
    }
  }
  const len = pos - lenPos - 1;
  if (len === 0 || len > 63) return undefined;
  out[lenPos] = len;
  out[pos] = 0;
  return out;
}

function escapedName(name: string): Buffer {
  const labels = nameToLabels(name);
  let length = 1;
  for (const l of labels) length += l.length + 1;
  const out = Buffer.allocUnsafe(length);
  let pos = 0;
  for (const l of labels) {
    out[pos++] = l.length;
    out.set(l, pos);
    pos += l.length;
  }
  out[pos] = 0;
  return out;
}

/**
 * Like {@link encodeQuery}, with the name already in wire form (from
 * {@link encodeName}): the resolver encodes a name once and sends it with a
 * fresh ID on every try. The spec is trusted (checked by {@link encodeQuery},
 * or made by the resolver itself).
 *
 * @param spec - ID, type and options (`spec.name` is not read)
 * @param wireName - the name's octets
 * @returns the message bytes
 * @example
 * ```ts
 * encodeQueryWire({ id: 7, name: '', type: 1 }, encodeName('a.test'))
 * ```
 */
export function encodeQueryWire(spec: Omit<QuerySpec, 'name'> & { readonly name?: string }, wireName: Uint8Array): Buffer {
  const { id, type } = spec;
  const edns = spec.edns ?? true;
  const buf = Buffer.allocUnsafe(12 + wireName.length + 4 + (edns ? 11 : 0));
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE((spec.recursionDesired ?? true) ? 0x0100 : 0, 2);
  buf.writeUInt16BE(1, 4);
  buf.writeUInt16BE(0, 6);
  buf.writeUInt16BE(0, 8);
  buf.writeUInt16BE(edns ? 1 : 0, 10);
  buf.set(wireName, 12);
  let pos = 12 + wireName.length;
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
