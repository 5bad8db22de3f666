/**
 * DNS wire constants (RFC 1035 §3.2, RFC 3596, RFC 2782, RFC 6891, RFC 8659)
 * and the shapes of decoded messages.
 */
import type { IPv4Address, IPv6Address } from '@iolib/address';

/** Record types this resolver names, lowercase as `dnsQuery`'s `type` takes them. */
export const RECORD_TYPES: Readonly<Record<string, number>> = Object.freeze({
  a: 1,
  ns: 2,
  cname: 5,
  soa: 6,
  ptr: 12,
  hinfo: 13,
  mx: 15,
  txt: 16,
  aaaa: 28,
  srv: 33,
  naptr: 35,
  ds: 43,
  rrsig: 46,
  nsec: 47,
  dnskey: 48,
  https: 65,
  svcb: 64,
  opt: 41,
  any: 255,
  caa: 257,
});

const TYPE_NAMES = new Map<number, DnsRecordType>(Object.entries(RECORD_TYPES).map(([name, code]) => [code, name as DnsRecordType]));

/**
 * The lowercase name of a record type code (`1` → `'a'`), or `'typeN'` (RFC 3597) for one without a name.
 *
 * @param code - the 16-bit type code
 * @returns the type's name
 * @throws {RangeError} when `code` is not an integer in 0–65535 (naming it)
 * @example
 * ```ts
 * recordTypeName(28) // 'aaaa'
 * recordTypeName(99) // 'type99'
 * ```
 */
export function recordTypeName(code: number): DnsRecordType {
  const name = TYPE_NAMES.get(code);
  if (name !== undefined) return name;
  if (!Number.isInteger(code) || code < 0 || code > 0xffff)
    throw new RangeError(`recordTypeName: code must be an integer in 0–65535, got ${String(code)}`);
  return `type${code}`;
}

/**
 * The type code for a record type given by name (`'mx'`, `'MX'`, `'type99'`) or number.
 *
 * @param type - a name (any case) or a number 0–65535
 * @returns the 16-bit type code
 * @throws {TypeError} when the name is not a known type, the number is out of range, or `type` is neither (naming it)
 * @example
 * ```ts
 * recordTypeCode('srv') // 33
 * ```
 */
export function recordTypeCode(type: string | number): number {
  return typeCodeOf(type, 'recordTypeCode: type');
}

/**
 * {@link recordTypeCode} for a caller's option: errors start with `what` (`'dnsQuery: type'`).
 *
 * @param type - a name or a number
 * @param what - the function and option, for the error
 * @returns the type code
 * @throws {TypeError} as {@link recordTypeCode}
 * @example
 * ```ts
 * typeCodeOf('mx', 'dnsQuery: type') // 15
 * ```
 */
export function typeCodeOf(type: unknown, what: string): number {
  if (typeof type === 'number') {
    if (Number.isInteger(type) && type >= 0 && type <= 0xffff) return type;
    throw new TypeError(`${what} ${type} is not an integer in 0–65535`);
  }
  if (typeof type !== 'string') throw new TypeError(`${what} must be a record type name or number, got ${typeof type}`);
  const lower = type.toLowerCase();
  const known = RECORD_TYPES[lower];
  if (known !== undefined) return known;
  const m = /^type(\d{1,5})$/.exec(lower);
  if (m !== null) return typeCodeOf(Number(m[1]), what);
  throw new TypeError(`${what} ${JSON.stringify(type)} is not a known record type (use a name like 'mx' or a number)`);
}

export const CLASS_IN = 1;
export const TYPE_A = 1;
export const TYPE_SOA = 6;
export const TYPE_PTR = 12;
export const TYPE_AAAA = 28;
export const TYPE_OPT = 41;

/** RCODE values (RFC 1035 §4.1.1, RFC 2136 §2.2, RFC 6891 extended). */
export const RCODE = Object.freeze({
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  YXDOMAIN: 6,
  YXRRSET: 7,
  NXRRSET: 8,
  NOTAUTH: 9,
  NOTZONE: 10,
  BADVERS: 16,
});

const RCODE_NAMES = new Map<number, string>(Object.entries(RCODE).map(([name, code]) => [code, name]));

/**
 * The name of a full (12-bit, EDNS-extended) RCODE: `3` → `'NXDOMAIN'`, or
 * `'RCODE99'` for one without a name here.
 *
 * @param code - an integer 0–4095
 * @returns the mnemonic
 * @throws {RangeError} when `code` is not an integer in 0–4095 (naming it)
 * @example
 * ```ts
 * rcodeName(2) // 'SERVFAIL'
 * ```
 */
export function rcodeName(code: number): string {
  if (!Number.isInteger(code) || code < 0 || code > 0xfff)
    throw new RangeError(`rcodeName: code must be an integer in 0–4095, got ${String(code)}`);
  return RCODE_NAMES.get(code) ?? `RCODE${code}`;
}

/** EDNS0 UDP payload size we advertise (the DNS flag day 2020 value). */
export const EDNS_PAYLOAD = 1232;

/** Header flags of a message, decoded. */
export interface DnsFlags {
  /** Response (true) or query. */
  readonly qr: boolean;
  /** OPCODE, 0 for a standard query. */
  readonly opcode: number;
  /** Authoritative answer. */
  readonly aa: boolean;
  /** Truncated. */
  readonly tc: boolean;
  /** Recursion desired. */
  readonly rd: boolean;
  /** Recursion available. */
  readonly ra: boolean;
  /** Authentic data (RFC 4035). */
  readonly ad: boolean;
  /** Checking disabled (RFC 4035). */
  readonly cd: boolean;
}

/** One entry of the question section. */
export interface DnsQuestion {
  /** Name without the trailing dot (`'.'` for the root), in presentation format (RFC 1035 §5.1 escapes). */
  readonly name: string;
  /** Lowercase type name (`'a'`, `'type99'`). */
  readonly type: string;
  readonly typeCode: number;
  readonly class: number;
}

export interface MxData {
  readonly priority: number;
  readonly exchange: string;
}
export interface SrvData {
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  readonly name: string;
}
export interface SoaData {
  readonly nsname: string;
  readonly hostmaster: string;
  readonly serial: number;
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
  readonly minttl: number;
}
export interface CaaData {
  readonly flags: number;
  readonly critical: boolean;
  readonly tag: string;
  readonly value: string;
}
export interface HinfoData {
  readonly cpu: string;
  readonly os: string;
}

/** The record types whose RDATA is kept as raw bytes: named ones without a decoder, and `'typeN'` (RFC 3597). */
export type RawRecordType = 'naptr' | 'ds' | 'rrsig' | 'nsec' | 'dnskey' | 'https' | 'svcb' | 'opt' | 'any' | `type${number}`;

/** What each record type's `data` holds. */
export interface DnsRecordDataMap {
  readonly a: IPv4Address;
  readonly aaaa: IPv6Address;
  readonly ns: string;
  readonly cname: string;
  readonly ptr: string;
  readonly mx: MxData;
  readonly srv: SrvData;
  readonly soa: SoaData;
  readonly txt: readonly string[];
  readonly hinfo: HinfoData;
  readonly caa: CaaData;
}

/** A lowercase record type name as records carry it. */
export type DnsRecordType = keyof DnsRecordDataMap | RawRecordType;

/**
 * Decoded RDATA: an address (A, AAAA), a name (CNAME, NS, PTR), text chunks
 * (TXT), a structured value (MX, SRV, SOA, CAA, HINFO), or the raw bytes of any
 * other type (never a failure).
 */
export type DnsRecordData = DnsRecordDataMap[keyof DnsRecordDataMap] | Uint8Array;

/** One resource record of type `T`. */
export interface DnsRecordOf<T extends DnsRecordType> {
  /** Owner name without the trailing dot (`'.'` for the root). */
  readonly name: string;
  /** Lowercase type name (`'a'`, `'mx'`, `'type99'`). */
  readonly type: T;
  readonly typeCode: number;
  readonly class: number;
  /** Time to live in seconds. */
  readonly ttl: number;
  readonly data: T extends keyof DnsRecordDataMap ? DnsRecordDataMap[T] : Uint8Array;
}

/**
 * One resource record: a union discriminated by `type`, so checking it
 * narrows `data` (`rr.type === 'mx'` makes `rr.data` an {@link MxData}).
 */
export type DnsRecord = { readonly [T in keyof DnsRecordDataMap]: DnsRecordOf<T> }[keyof DnsRecordDataMap] | DnsRecordOf<RawRecordType>;

/** The EDNS0 pseudo-record of a message (RFC 6891), decoded from its OPT record. */
export interface DnsEdns {
  readonly udpPayloadSize: number;
  readonly version: number;
  readonly dnssecOk: boolean;
  /** Options as `{ code, data }`. */
  readonly options: ReadonlyArray<{ readonly code: number; readonly data: Uint8Array }>;
}

/** A decoded DNS message. The OPT record, if any, is in `edns`, not in `additional`. */
export interface DnsMessage {
  readonly id: number;
  /** Full RCODE (with the EDNS extended bits). */
  readonly rcode: number;
  /** `rcode`'s name: `'NOERROR'`, `'NXDOMAIN'`, `'SERVFAIL'`, … (`'RCODE99'` for one without a name). */
  readonly rcodeName: string;
  readonly flags: DnsFlags;
  readonly question: readonly DnsQuestion[];
  readonly answer: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
  readonly additional: readonly DnsRecord[];
  readonly edns?: DnsEdns;
}
