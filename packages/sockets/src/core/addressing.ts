/**
 * Address values ↔ `struct sockaddr` bytes for sockets: the byte work is
 * `@iolib/syscalls`' (`addressToSockaddr`, `encodeSockaddrIn6`,
 * `sockaddrToAddress`); this file adds what belongs to a socket: the socket's
 * family (an IPv4 address on an IPv6 socket is mapped, a mismatch is a
 * `TypeError`), the input's name in every error, and an unnamed Unix peer
 * (no address bytes at all) decoding to the empty path.
 */
import { IPv4Address, InetAddress, LocalAddress, type Address } from '@iolib/address';
import {
  SOCKADDR_STORAGE_SIZE,
  SockaddrError,
  UnixPathTooLongError,
  addressToSockaddr,
  encodeSockaddrIn6,
  sockaddrToAddress,
  type LocalSockaddrValue,
  type SocketAddressValue,
} from '@iolib/syscalls';
import type { DecodedName, SocketFamily } from '../types.js';

/** Room for any address: `sizeof(struct sockaddr_storage)`. */
export const SOCKADDR_STORAGE: number = SOCKADDR_STORAGE_SIZE;

/** What an unnamed Unix socket (zero address bytes) decodes to. */
const UNNAMED: LocalSockaddrValue = Object.freeze({ address: new LocalAddress('') });

/**
 * Whether a decoded name is a Unix socket name.
 *
 * @param name - a decoded name
 * @returns true for `{ address: LocalAddress }`
 * @example
 * ```ts
 * if (isLocalName(d)) console.log(d.address.name);
 * ```
 */
export function isLocalName(name: DecodedName): name is LocalSockaddrValue {
  return name.address instanceof LocalAddress;
}

/**
 * Encode any address for a socket of `family`.
 *
 * @param family - the socket's family; an IPv4 address on an `'ipv6'` socket becomes `::ffff:a.b.c.d`
 * @param address - the address
 * @param port - for internet addresses, 0–65535 (checked by the caller)
 * @param what - the input's name, for errors
 * @returns the sockaddr bytes, exactly as long as the structure (abstract names: `2 + 1 + name length`)
 * @throws {TypeError} when the address family does not fit the socket, a path holds a NUL byte, or a zone names no interface
 * @throws {RangeError} when a Unix path or abstract name does not fit in `sun_path`
 * @example
 * ```ts
 * encodeAddress('local', new LocalAddress('/tmp/s'), 0, 'remoteFilename').length; // 9
 * encodeAddress('ipv4', parseAddress('127.0.0.1'), 80, 'remoteHost').length;      // 16
 * ```
 */
export function encodeAddress(family: SocketFamily, address: Address, port: number, what: string): Buffer {
  if (address instanceof LocalAddress) {
    if (family !== 'local') throw new TypeError(`${what}: ${String(address)} is a local address; this is an ${family} socket`);
  } else if (address instanceof InetAddress) {
    if (family === 'local') throw new TypeError(`${what}: ${String(address)} is an internet address; this is a local socket`);
    if (address instanceof IPv4Address) {
      if (family === 'ipv6') return mapped(address, port);
    } else if (family === 'ipv4') {
      throw new TypeError(`${what}: ${String(address)} is an IPv6 address; this is an IPv4 socket (make it with ipv6: true)`);
    }
  } else {
    throw new TypeError(`${what}: expected an address, got ${typeof address}`);
  }
  try {
    return addressToSockaddr(address as SocketAddressValue, port);
  } catch (e) {
    throw rename(e, what, address instanceof LocalAddress && address.abstract);
  }
}

/** `::ffff:a.b.c.d` for an IPv4 address on an IPv6 socket. */
function mapped(host: IPv4Address, port: number): Buffer {
  const n = host.toNumber();
  return encodeSockaddrIn6(new Uint16Array([0, 0, 0, 0, 0, 0xffff, n >>> 16, n & 0xffff]), port);
}

/** The encoder's error, reworded to name the input it came from. */
function rename(e: unknown, what: string, abstract: boolean): unknown {
  if (e instanceof UnixPathTooLongError) {
    const message = abstract
      ? `${what}: abstract name "${e.path}" is ${e.byteLength} bytes; the limit is ${e.limit}`
      : `${what}: the path "${e.path}" is ${e.byteLength} bytes; Unix socket paths hold at most ${e.limit}`;
    return new RangeError(message, { cause: e });
  }
  if (e instanceof SockaddrError) return new TypeError(`${what}: ${e.message}`, { cause: e });
  return e;
}

/**
 * Decode `len` bytes of a sockaddr. IPv4-mapped IPv6 addresses stay IPv6
 * (the socket's family); a scope id becomes the interface's name as zone; an
 * unnamed Unix socket (no bytes, or just the family) decodes to the empty path.
 *
 * @param buf - the bytes the kernel wrote
 * @param len - the length it reported (at most `buf.length`)
 * @returns `{ address, port }` or `{ address: LocalAddress }`
 * @throws {TypeError} for a family this package does not handle
 * @example
 * ```ts
 * decodeName(buf, len); // { address: IPv4Address <127.0.0.1>, port: 80 }
 * ```
 */
export function decodeName(buf: Buffer, len: number): DecodedName {
  return sockaddrToAddress(buf, len) ?? UNNAMED;
}

/**
 * Error details for an address: Node's `address`/`port` (with `detail`
 * `host:port`), or `path` for a Unix socket name.
 *
 * @param address - the address the call was about
 * @param port - its port (internet)
 * @param local - whether it is a Unix socket name
 * @param fd - the fd of the call, when known
 * @returns the details for `socketError`
 * @example
 * ```ts
 * describe(parseAddress('::1'), 80, false).detail; // '[::1]:80'
 * ```
 */
export function describe(
  address: Address,
  port: number,
  local: boolean,
  fd?: number,
): { address?: string; port?: number; path?: string; fd?: number; detail?: string } {
  const text = String(address);
  const base = fd === undefined ? {} : { fd };
  if (local) return { ...base, path: text };
  return { ...base, address: text, port, detail: text.includes(':') ? `[${text}]:${port}` : `${text}:${port}` };
}
