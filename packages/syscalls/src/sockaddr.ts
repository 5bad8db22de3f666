/**
 * Socket addresses as the kernel sees them: encode an IPv4 / IPv6 vector and
 * port, or a Unix path / abstract name, into a `struct sockaddr_*` Buffer for
 * bind(2), connect(2), sendto(2); decode what accept4(2), getsockname(2),
 * recvfrom(2) return. Pure byte work (no system call).
 *
 * Abstract Unix names are encoded with their exact length (`2 + 1 + name
 * bytes`), never padded to `sizeof(struct sockaddr_un)`; other processes see
 * exactly `@name`. Filesystem paths get `2 + path bytes + 1` (their NUL).
 *
 * @example
 * ```ts
 * const sa = encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 8080);
 * decodeSockaddr(sa); // { family: 'ipv4', address: Uint8Array [127, 0, 0, 1], port: 8080 }
 * ```
 */
import { AF_INET, AF_INET6, AF_UNIX, AF_UNSPEC, UNIX_PATH_MAX } from './constants.js';
import { SockaddrError, UnixPathTooLongError } from './errors.js';
import { SOCKADDR_IN6_SIZE, SOCKADDR_IN_SIZE, SUN_PATH_OFFSET } from './structs.js';

/** Decoded `struct sockaddr_in`. */
export interface SockaddrIPv4 {
  readonly family: 'ipv4';
  /** The address, 4 bytes. */
  readonly address: Uint8Array;
  readonly port: number;
}

/** Decoded `struct sockaddr_in6`. */
export interface SockaddrIPv6 {
  readonly family: 'ipv6';
  /** The address, 8 16-bit words. */
  readonly address: Uint16Array;
  readonly port: number;
  /** Interface index of a link-local address (`sin6_scope_id`); 0 = none. */
  readonly scopeId: number;
  /** `sin6_flowinfo` (host order). */
  readonly flowinfo: number;
}

/** Decoded `struct sockaddr_un`. An unnamed socket has `path: ''` and `abstract: false`. */
export interface SockaddrLocal {
  readonly family: 'local';
  /** Filesystem path, or the abstract name without its leading NUL (UTF-8 decoded). */
  readonly path: string;
  readonly abstract: boolean;
}

/** No address (`AF_UNSPEC`, or a zero length as recvfrom(2) gives on a stream). */
export interface SockaddrUnspec {
  readonly family: 'unspec';
}

/** Any socket address this module decodes. */
export type Sockaddr = SockaddrIPv4 | SockaddrIPv6 | SockaddrLocal | SockaddrUnspec;

/** What {@link encodeSockaddr} takes: a decoded address (optional IPv6 extras, path bytes allowed). */
export type SockaddrInput =
  | SockaddrIPv4
  | { readonly family: 'ipv6'; readonly address: Uint16Array; readonly port: number; readonly scopeId?: number; readonly flowinfo?: number }
  | { readonly family: 'local'; readonly path: string | Uint8Array; readonly abstract?: boolean };

/** The longest Unix path in bytes (its NUL terminator takes the 108th), and the longest abstract name. */
export const UNIX_PATH_MAX_BYTES: number = UNIX_PATH_MAX - 1;

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 0xffff) {
    throw new SockaddrError(`port ${String(port)} is not an integer in 0–65535`);
  }
}

function checkU32(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new SockaddrError(`${what} ${String(value)} is not an integer in 0–4294967295`);
  }
}

function target(into: Buffer | undefined, size: number, what: string): Buffer {
  if (into === undefined) return Buffer.alloc(size);
  if (into.length < size) throw new SockaddrError(`buffer of ${into.length} bytes is too small for ${what} (${size})`);
  for (let i = 0; i < size; i++) into[i] = 0;
  return into;
}

/**
 * Encode a `struct sockaddr_in` (16 bytes).
 *
 * @param address - the IPv4 address, 4 bytes
 * @param port - 0–65535
 * @param into - optional Buffer to fill (reuse on hot paths); a new one otherwise
 * @returns the sockaddr (`into` when given); pass `SOCKADDR_IN_SIZE` as its length
 * @throws {SockaddrError} when the vector is not 4 bytes or the port is out of range
 * @example
 * ```ts
 * const sa = encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 80);
 * connect(fd, sa, sa.length);
 * ```
 */
export function encodeSockaddrIn(address: Uint8Array, port: number, into?: Buffer): Buffer {
  if (address.length !== 4) throw new SockaddrError(`IPv4 address vector has ${address.length} bytes, expected 4`);
  checkPort(port);
  const b = target(into, SOCKADDR_IN_SIZE, 'sockaddr_in');
  b[0] = AF_INET;
  b[2] = port >>> 8;
  b[3] = port & 0xff;
  b[4] = address[0] ?? 0;
  b[5] = address[1] ?? 0;
  b[6] = address[2] ?? 0;
  b[7] = address[3] ?? 0;
  return b;
}

/**
 * Encode a `struct sockaddr_in6` (28 bytes).
 *
 * @param address - the IPv6 address, 8 words
 * @param port - 0–65535
 * @param scopeId - interface index for link-local addresses (0 = none)
 * @param flowinfo - flow label and traffic class (host order)
 * @param into - optional Buffer to fill (reuse on hot paths)
 * @returns the sockaddr; pass `SOCKADDR_IN6_SIZE` as its length
 * @throws {SockaddrError} when the vector is not 8 words or a number is out of range
 * @example
 * ```ts
 * const sa = encodeSockaddrIn6(new Uint16Array([0xfe80, 0, 0, 0, 0, 0, 0, 1]), 5353, 2);
 * ```
 */
export function encodeSockaddrIn6(address: Uint16Array, port: number, scopeId = 0, flowinfo = 0, into?: Buffer): Buffer {
  if (address.length !== 8) throw new SockaddrError(`IPv6 address vector has ${address.length} words, expected 8`);
  checkPort(port);
  checkU32(scopeId, 'IPv6 scope id');
  checkU32(flowinfo, 'IPv6 flowinfo');
  const b = target(into, SOCKADDR_IN6_SIZE, 'sockaddr_in6');
  b[0] = AF_INET6;
  b[2] = port >>> 8;
  b[3] = port & 0xff;
  b.writeUInt32BE(flowinfo, 4);
  for (let i = 0; i < 8; i++) {
    const word = address[i] ?? 0;
    b[8 + 2 * i] = word >>> 8;
    b[9 + 2 * i] = word & 0xff;
  }
  b.writeUInt32LE(scopeId, 24);
  return b;
}

/**
 * Encode a `struct sockaddr_un` of exact length: `2 + bytes + 1` for a path
 * (with its NUL), `2 + 1 + bytes` for an abstract name (leading NUL, no padding),
 * and just the 2-byte family for `''` (bind(2) then autobinds an abstract name).
 *
 * @param path - the path or abstract name (string: UTF-8; or raw bytes)
 * @param abstract - true for Linux's abstract namespace
 * @returns the sockaddr; its `length` is the `addrlen` to pass
 * @throws {UnixPathTooLongError} when the path or name exceeds 107 bytes
 * @throws {SockaddrError} when a filesystem path contains a NUL byte
 * @example
 * ```ts
 * const sa = encodeSockaddrUn('my-service', true); // 13 bytes, shows as "@my-service"
 * bind(fd, sa, sa.length);
 * ```
 */
export function encodeSockaddrUn(path: string | Uint8Array, abstract = false): Buffer {
  const bytes = typeof path === 'string' ? Buffer.from(path, 'utf8') : path;
  const shown = typeof path === 'string' ? path : Buffer.from(path).toString('utf8');
  if (bytes.length > UNIX_PATH_MAX_BYTES) throw new UnixPathTooLongError(shown, bytes.length, UNIX_PATH_MAX_BYTES, abstract);
  if (!abstract && bytes.includes(0)) {
    throw new SockaddrError(`Unix socket path ${JSON.stringify(shown)} contains a NUL byte`);
  }
  if (!abstract && bytes.length === 0) {
    const unnamed = Buffer.alloc(SUN_PATH_OFFSET);
    unnamed.writeUInt16LE(AF_UNIX, 0);
    return unnamed;
  }
  const b = Buffer.alloc(SUN_PATH_OFFSET + 1 + bytes.length);
  b.writeUInt16LE(AF_UNIX, 0);
  b.set(bytes, SUN_PATH_OFFSET + (abstract ? 1 : 0));
  return b;
}

/**
 * Encode any supported socket address (the inverse of {@link decodeSockaddr}).
 *
 * @param sa - `{ family: 'ipv4' | 'ipv6', address, port, scopeId? }` or `{ family: 'local', path, abstract? }`
 * @returns the sockaddr Buffer; its `length` is the `addrlen` to pass
 * @throws {SockaddrError} or {UnixPathTooLongError} for bad input (see the per-family encoders)
 * @example
 * ```ts
 * const sa = encodeSockaddr({ family: 'local', path: '/run/app.sock' });
 * ```
 */
export function encodeSockaddr(sa: SockaddrInput): Buffer {
  switch (sa.family) {
    case 'ipv4':
      return encodeSockaddrIn(sa.address, sa.port);
    case 'ipv6':
      return encodeSockaddrIn6(sa.address, sa.port, sa.scopeId ?? 0, sa.flowinfo ?? 0);
    case 'local':
      return encodeSockaddrUn(sa.path, sa.abstract ?? false);
  }
}

/**
 * Decode a socket address the kernel wrote (accept4(2), getsockname(2),
 * getpeername(2), recvfrom(2), recvmsg(2)'s `msg_name`).
 *
 * @param buf - the sockaddr bytes
 * @param length - the `socklen_t` the kernel returned (defaults to `buf.length`)
 * @returns the decoded address; `{ family: 'unspec' }` for a zero length or `AF_UNSPEC`
 * @throws {SockaddrError} when `length` exceeds `buf` (the kernel truncated it), is too short for
 *   its family, or the family is not IPv4, IPv6 or Unix
 * @example
 * ```ts
 * const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([sa.length]);
 * syscall('getsockname', () => getsockname(fd, sa, len));
 * const local = decodeSockaddr(sa, len[0]);
 * ```
 */
export function decodeSockaddr(buf: Uint8Array, length: number = buf.length): Sockaddr {
  if (!Number.isInteger(length) || length < 0) throw new SockaddrError(`sockaddr length ${String(length)} is invalid`);
  if (length > buf.length) {
    throw new SockaddrError(`sockaddr length ${length} exceeds its ${buf.length}-byte buffer (truncated by the kernel)`);
  }
  if (length < 2) return { family: 'unspec' };
  // Every index read below is < length <= buf.length (checked above and per family).
  const family = at(buf, 0) | (at(buf, 1) << 8);
  switch (family) {
    case AF_INET: {
      if (length < 8) throw new SockaddrError(`sockaddr_in of ${length} bytes is too short (needs 8)`);
      const address = new Uint8Array(4);
      address[0] = at(buf, 4);
      address[1] = at(buf, 5);
      address[2] = at(buf, 6);
      address[3] = at(buf, 7);
      return { family: 'ipv4', address, port: (at(buf, 2) << 8) | at(buf, 3) };
    }
    case AF_INET6: {
      if (length < 24) throw new SockaddrError(`sockaddr_in6 of ${length} bytes is too short (needs 24)`);
      const address = new Uint16Array(8);
      for (let i = 0; i < 8; i++) address[i] = (at(buf, 8 + 2 * i) << 8) | at(buf, 9 + 2 * i);
      const scopeId = length >= 28 ? (at(buf, 24) | (at(buf, 25) << 8) | (at(buf, 26) << 16) | (at(buf, 27) << 24)) >>> 0 : 0;
      const flowinfo = ((at(buf, 4) << 24) | (at(buf, 5) << 16) | (at(buf, 6) << 8) | at(buf, 7)) >>> 0;
      return { family: 'ipv6', address, port: (at(buf, 2) << 8) | at(buf, 3), scopeId, flowinfo };
    }
    case AF_UNIX:
      return decodeLocal(Buffer.from(buf.buffer, buf.byteOffset + SUN_PATH_OFFSET, length - SUN_PATH_OFFSET));
    case AF_UNSPEC:
      return { family: 'unspec' };
    default:
      throw new SockaddrError(`sockaddr family ${family} is not AF_INET, AF_INET6 or AF_UNIX`);
  }
}

/** `b[i]` for an index the caller has bounds-checked (V8 inlines this). */
function at(b: Uint8Array, i: number): number {
  return b[i] as number;
}

function decodeLocal(sunPath: Buffer): SockaddrLocal {
  if (sunPath.length === 0) return { family: 'local', path: '', abstract: false };
  if (sunPath[0] === 0) return { family: 'local', path: sunPath.toString('utf8', 1), abstract: true };
  const nul = sunPath.indexOf(0);
  return { family: 'local', path: sunPath.toString('utf8', 0, nul === -1 ? sunPath.length : nul), abstract: false };
}

/**
 * The address family of encoded sockaddr bytes (`sa_family`), without decoding the rest.
 *
 * @param buf - the sockaddr bytes (at least 2)
 * @returns `AF_INET`, `AF_INET6`, `AF_UNIX`, … or `AF_UNSPEC` for fewer than 2 bytes
 * @example
 * ```ts
 * if (sockaddrFamily(peer) === AF_UNIX) handleLocal(peer);
 * ```
 */
export function sockaddrFamily(buf: Uint8Array): number {
  return buf.length < 2 ? AF_UNSPEC : (buf[0] ?? 0) | ((buf[1] ?? 0) << 8);
}
