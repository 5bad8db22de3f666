/**
 * Host, port and filename designators → address values. Literals are parsed
 * here; host names and service names go through `@iolib/dns`, an optional
 * peer dependency loaded lazily with a literal `import('@iolib/dns')`, so the
 * package graph stays acyclic (docs/architecture.md, "Layers") and strict installs and
 * bundlers still see the specifier.
 */
import { Address, InetAddress, LocalAddress, ensureAddress, tryParseAddress } from '@iolib/address';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../types.js';

type DnsModule = typeof import('@iolib/dns');

let dns: Promise<DnsModule> | undefined;

/** The resolver package: an optional peer dependency, loaded on first use of a name. */
const DNS_PACKAGE = '@iolib/dns';

function loadDns(what: string): Promise<DnsModule> {
  dns ??= import('@iolib/dns').catch((cause: unknown) => {
    dns = undefined;
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || String(cause).includes(DNS_PACKAGE)) {
      throw new Error(
        `${what} is a name, not an address literal: resolving it needs ${DNS_PACKAGE}, an optional peer dependency of ` +
          `@iolib/sockets that is not installed. Install it next to @iolib/sockets (npm install ${DNS_PACKAGE}), or pass an address instead`,
        { cause },
      );
    }
    throw cause;
  });
  return dns;
}

/**
 * An internet host designator as an address: address values as they are,
 * literals parsed (strict), names looked up with `@iolib/dns`'s `lookupHostname`.
 *
 * @param host - an `InetAddress`, an address literal, or a host name
 * @param ipv6 - passed to `lookupHostname` (`true` prefers IPv6 answers)
 * @param what - the option name, for errors (`'remoteHost'`)
 * @returns the address
 * @throws {TypeError} for a local address or a non-string, non-address value
 * @throws {Error} when a name must be resolved and `@iolib/dns` is missing; resolver errors as they come
 * @example
 * ```ts
 * await resolveHost('127.0.0.1', false, 'remoteHost'); // IPv4Address <127.0.0.1>
 * ```
 */
export async function resolveHost(host: HostDesignator, ipv6: boolean | undefined, what: string): Promise<InetAddress> {
  if (host instanceof InetAddress) return host;
  if (host instanceof Address) throw new TypeError(`${what}: ${String(host)} is a ${host.family} address, not an internet address`);
  if (typeof host !== 'string') throw new TypeError(`${what}: expected an address or a host name, got ${typeof host}`);
  const literal = parseLiteral(host);
  if (literal !== undefined) return literal;
  if (host === '' || host.length > 253) throw new TypeError(`${what}: "${host}" is not a valid host name`);
  const mod = await loadDns(`${what} "${host}"`);
  const { address } = await mod.lookupHostname(host, ipv6 === true ? { ipv6: true } : {});
  if (!(address instanceof InetAddress)) throw new TypeError(`${what}: "${host}" resolved to a non-internet address`);
  return address;
}

/**
 * An address literal (`'::1'`, `'[::1]'`, `'10.0.0.1'`, `'fe80::1%eth0'`),
 * parsed strictly by `@iolib/address`, or `undefined` when the text is not one
 * (a host name).
 *
 * @param text - the designator text
 * @returns the address or `undefined`
 * @example
 * ```ts
 * parseLiteral('[::1]'); // IPv6Address <::1>
 * parseLiteral('dead.beef'); // undefined
 * ```
 */
export function parseLiteral(text: string): InetAddress | undefined {
  const hit = literals.get(text);
  if (hit !== undefined) return hit;
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = tryParseAddress(bare) ?? undefined;
  if (address !== undefined) {
    // Bounded: a server answering many peers by string starts over rather than growing without end.
    if (literals.size >= LITERAL_CACHE_SIZE) literals.clear();
    literals.set(text, address);
  }
  return address;
}

/** How many parsed literals {@link parseLiteral} keeps. */
export const LITERAL_CACHE_SIZE = 256;
/** Address literals already parsed (addresses are immutable, so one value serves every use). */
const literals = new Map<string, InetAddress>();

/**
 * A port designator as a number: integers 0–65535 as they are, decimal
 * strings parsed, service names looked up with `@iolib/dns`'s `lookupService`.
 *
 * @param port - number, decimal string, or service name (`'http'`)
 * @param protocol - `'tcp'` or `'udp'`, for service lookup
 * @param what - the option name, for errors
 * @returns the port number
 * @throws {RangeError} for a number outside 0–65535 or not an integer
 * @example
 * ```ts
 * await resolvePort('8080', 'tcp', 'remotePort'); // 8080
 * ```
 */
export async function resolvePort(port: PortDesignator, protocol: 'tcp' | 'udp', what: string): Promise<number> {
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return checkPort(Number(port), what);
    if (port === '') throw new TypeError(`${what}: empty service name`);
    const mod = await loadDns(`${what} "${port}"`);
    return checkPort((await mod.lookupService(port, protocol)).port, what);
  }
  return checkPort(port, what);
}

/**
 * Check a port number.
 *
 * @param port - the value
 * @param what - the option name, for errors
 * @returns `port`
 * @throws {TypeError} unless a number
 * @throws {RangeError} unless an integer in 0–65535 ("not an integer" or "outside 0–65535")
 * @example
 * ```ts
 * checkPort(65536, 'port'); // RangeError: port: 65536 is outside 0–65535
 * ```
 */
export function checkPort(port: unknown, what: string): number {
  if (typeof port !== 'number') throw new TypeError(`${what}: expected a port number or service name, got ${typeof port}`);
  if (!Number.isInteger(port)) throw new RangeError(`${what}: ${String(port)} is not an integer`);
  if (port < 0 || port > 65535) throw new RangeError(`${what}: ${String(port)} is outside 0–65535`);
  return port;
}

/**
 * A filename designator as a `LocalAddress`: a path string, or a `LocalAddress`
 * (abstract names made with `ensureAddress(name, { family: 'local', abstract: true })`).
 *
 * @param name - a path or a local address
 * @param what - the option name, for errors
 * @returns the local address
 * @throws {TypeError} for an internet address or a non-string
 * @example
 * ```ts
 * toLocalAddress('/tmp/app.sock', 'localFilename').abstract; // false
 * ```
 */
export function toLocalAddress(name: FilenameDesignator, what: string): LocalAddress {
  if (name instanceof LocalAddress) return name;
  if (name instanceof Address) throw new TypeError(`${what}: ${String(name)} is an internet address, not a Unix socket name`);
  if (typeof name !== 'string') throw new TypeError(`${what}: expected a path or a LocalAddress, got ${typeof name}`);
  if (name === '') throw new TypeError(`${what}: empty path`);
  return ensureAddress(name, { family: 'local' });
}
