/**
 * Address values ↔ `struct sockaddr` bytes, with the checks the safety rules
 * ask for: ports 0–65535, Unix paths within `sun_path` (107 bytes + NUL),
 * abstract names at their exact length (`2 + 1 + name length`, never padded),
 * and the socket's family (an IPv4 address on an IPv6 socket is mapped).
 */
import { IPv4Address, IPv6Address, InetAddress, LocalAddress, type Address } from '@iolib/address';
import type { SocketFamily } from './core.js';
import { if_nametoindex, AF_INET, AF_INET6, AF_UNIX } from './sys.js';

/** Room for any address: `sizeof(struct sockaddr_storage)`. */
export const SOCKADDR_STORAGE = 128;
/** `sizeof(sun_path)`. */
const SUN_PATH = 108;

/** A decoded socket address: host and port for internet sockets, a name for local ones. */
export type DecodedName =
  | { readonly family: 'ipv4' | 'ipv6'; readonly host: InetAddress; readonly port: number }
  | { readonly family: 'local'; readonly address: LocalAddress };

function scopeId(zone: string | undefined, what: string): number {
  if (zone === undefined) return 0;
  if (/^\d+$/.test(zone)) return Number(zone) >>> 0;
  const index = if_nametoindex(zone);
  if (index === 0) throw new TypeError(`${what}: unknown interface "${zone}" in the IPv6 zone`);
  return index;
}

/**
 * Encode an internet address and port for a socket of `family`.
 *
 * @param family - the socket's family; an IPv4 address on an `'ipv6'` socket becomes `::ffff:a.b.c.d`
 * @param host - the address
 * @param port - 0–65535 (checked by the caller)
 * @param what - the input's name, for errors
 * @returns the sockaddr bytes, exactly as long as the structure
 * @throws {TypeError} when the family does not fit (an IPv6 address on an IPv4 socket, a local socket)
 * @example
 * ```ts
 * encodeInet('ipv4', parseAddress('127.0.0.1'), 80).length; // 16
 * ```
 */
export function encodeInet(family: SocketFamily, host: InetAddress, port: number, what: string): Buffer {
  if (family === 'local') throw new TypeError(`${what}: ${String(host)} is an internet address; this is a local socket`);
  if (family === 'ipv4') {
    if (!(host instanceof IPv4Address)) {
      throw new TypeError(`${what}: ${String(host)} is an IPv6 address; this is an IPv4 socket (make it with ipv6: true)`);
    }
    const b = Buffer.alloc(16);
    b.writeUInt16LE(AF_INET, 0);
    b.writeUInt16BE(port, 2);
    b.set(host.toBytes(), 4);
    return b;
  }
  const b = Buffer.alloc(28);
  b.writeUInt16LE(AF_INET6, 0);
  b.writeUInt16BE(port, 2);
  if (host instanceof IPv4Address) {
    b[18] = 0xff;
    b[19] = 0xff;
    b.set(host.toBytes(), 20);
  } else if (host instanceof IPv6Address) {
    b.set(host.toBytes(), 8);
    b.writeUInt32LE(scopeId(host.zone, what), 24);
  }
  return b;
}

/**
 * Encode a Unix socket name: a path NUL-terminated, an abstract name at its
 * exact length (so peers outside Node find it).
 *
 * @param address - the local address
 * @param what - the input's name, for errors
 * @returns the sockaddr bytes and their length
 * @throws {RangeError} when the name does not fit in `sun_path`
 * @throws {TypeError} when a path holds a NUL byte
 * @example
 * ```ts
 * encodeLocal(new LocalAddress('x', true), 'name').length; // 4 = 2 + 1 + 1
 * ```
 */
export function encodeLocal(address: LocalAddress, what: string): Buffer {
  const bytes = Buffer.from(address.name, 'utf8');
  if (address.abstract) {
    if (bytes.length > SUN_PATH - 1) {
      throw new RangeError(`${what}: abstract name "${address.name}" is ${bytes.length} bytes; the limit is ${SUN_PATH - 1}`);
    }
    const b = Buffer.alloc(3 + bytes.length);
    b.writeUInt16LE(AF_UNIX, 0);
    bytes.copy(b, 3);
    return b;
  }
  if (bytes.includes(0)) throw new TypeError(`${what}: the path "${address.name}" holds a NUL byte`);
  if (bytes.length > SUN_PATH - 1) {
    throw new RangeError(`${what}: the path "${address.name}" is ${bytes.length} bytes; Unix socket paths hold at most ${SUN_PATH - 1}`);
  }
  const b = Buffer.alloc(2 + bytes.length + 1);
  b.writeUInt16LE(AF_UNIX, 0);
  bytes.copy(b, 2);
  return b;
}

/**
 * Encode any address for a socket of `family`.
 *
 * @param family - the socket's family
 * @param address - the address
 * @param port - for internet addresses
 * @param what - the input's name, for errors
 * @returns the sockaddr bytes
 * @throws {TypeError} when the address family does not fit the socket
 * @example
 * ```ts
 * encodeAddress('local', new LocalAddress('/tmp/s'), 0, 'remoteFilename');
 * ```
 */
export function encodeAddress(family: SocketFamily, address: Address, port: number, what: string): Buffer {
  if (address instanceof LocalAddress) {
    if (family !== 'local') throw new TypeError(`${what}: ${String(address)} is a local address; this is an ${family} socket`);
    return encodeLocal(address, what);
  }
  if (address instanceof InetAddress) return encodeInet(family, address, port, what);
  throw new TypeError(`${what}: expected an address, got ${typeof address}`);
}

/**
 * Decode `len` bytes of a sockaddr. IPv4-mapped IPv6 addresses stay IPv6
 * (the socket's family); an unnamed Unix socket decodes to the empty path.
 *
 * @param buf - the bytes the kernel wrote
 * @param len - the length it reported
 * @returns the family and its address
 * @throws {TypeError} for a family this package does not handle
 * @example
 * ```ts
 * decodeName(buf, len); // { family: 'ipv4', host: IPv4Address <127.0.0.1>, port: 80 }
 * ```
 */
export function decodeName(buf: Buffer, len: number): DecodedName {
  const af = len >= 2 ? buf.readUInt16LE(0) : AF_UNIX;
  if (af === AF_INET) {
    return { family: 'ipv4', host: new IPv4Address(buf.readUInt32BE(4)), port: buf.readUInt16BE(2) };
  }
  if (af === AF_INET6) {
    const groups = new Array<number>(8);
    for (let i = 0; i < 8; i++) groups[i] = buf.readUInt16BE(8 + 2 * i);
    const scope = buf.readUInt32LE(24);
    const host = scope === 0 ? new IPv6Address(groups) : new IPv6Address(groups, String(scope));
    return { family: 'ipv6', host, port: buf.readUInt16BE(2) };
  }
  if (af === AF_UNIX) {
    const end = Math.min(len, 2 + SUN_PATH);
    if (end > 2 && buf[2] === 0) return { family: 'local', address: new LocalAddress(buf.toString('utf8', 3, end), true) };
    const nul = buf.indexOf(0, 2);
    const stop = nul < 0 || nul > end ? end : nul;
    return { family: 'local', address: new LocalAddress(buf.toString('utf8', 2, Math.max(2, stop))) };
  }
  throw new TypeError(`unsupported address family ${af}`);
}
