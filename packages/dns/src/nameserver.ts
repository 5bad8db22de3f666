/**
 * Name server designators, as Node's `Resolver.setServers` takes them and as
 * `nameserver` lines hold them: `'192.0.2.1'`, `'127.0.0.1:15353'`, `'::1'`,
 * `'[::1]:15353'`, `'fe80::1%eth0'`.
 */
import { IPv4Address, IPv6Address, isIPv4, isIPv6 } from '@iolib/address';
import { addressToSockaddr } from '@iolib/syscalls';

/** One name server to ask. */
export interface NameServer {
  /** Address text (IPv6 without brackets, zone kept). */
  readonly host: string;
  /** `host` as an address value. */
  readonly address: IPv4Address | IPv6Address;
  readonly port: number;
  readonly family: 4 | 6;
  /** `host:port` or `[host]:port`, for messages and cache keys. */
  readonly label: string;
}

/** Each server's socket address, built once; dropped with the server object. */
const sockaddrs = new WeakMap<NameServer, Buffer>();

/**
 * The `struct sockaddr_in`/`sockaddr_in6` of a server, for `connect(2)`; built once per server object.
 *
 * @param server - the name server
 * @returns its socket address
 * @example
 * ```ts
 * const sa = sockaddrOf(server); connect(fd, sa, sa.length);
 * ```
 */
export function sockaddrOf(server: NameServer): Buffer {
  let sa = sockaddrs.get(server);
  if (sa === undefined) {
    sa = addressToSockaddr(server.address, server.port);
    sockaddrs.set(server, sa);
  }
  return sa;
}

function make(host: string, port: number): NameServer {
  const address = host.includes(':') ? IPv6Address.parse(host) : IPv4Address.parse(host);
  const family = address instanceof IPv4Address ? 4 : 6;
  return { host, address, port, family, label: family === 4 ? `${host}:${port}` : `[${host}]:${port}` };
}

function validPort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/**
 * Parses a name server designator.
 *
 * @param text - `'a.b.c.d'`, `'a.b.c.d:port'`, an IPv6 address, or `'[ipv6]:port'`
 * @param defaultPort - the port when none is given (53)
 * @returns the server, or `undefined` when `text` is not a designator
 * @throws {TypeError} when `text` is not a string or `defaultPort` not an integer in 1–65535 (naming the argument)
 * @example
 * ```ts
 * parseNameServer('[::1]:15353') // { host: '::1', address: IPv6Address ::1, port: 15353, family: 6, label: '[::1]:15353' }
 * ```
 */
export function parseNameServer(text: string, defaultPort = 53): NameServer | undefined {
  if (typeof text !== 'string') throw new TypeError(`parseNameServer: text must be a string, got ${typeof text}`);
  if (!Number.isInteger(defaultPort) || defaultPort < 1 || defaultPort > 65535) {
    throw new TypeError(`parseNameServer: defaultPort must be an integer in 1–65535, got ${String(defaultPort)}`);
  }
  const t = text.trim();
  if (isIPv4(t)) return make(t, defaultPort);
  if (isIPv6(t)) return make(t, defaultPort);
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracket !== null) {
    const [, host = '', portText] = bracket;
    if (!isIPv6(host)) return undefined;
    if (portText === undefined) return make(host, defaultPort);
    const port = validPort(portText);
    return port === undefined ? undefined : make(host, port);
  }
  const v4 = /^([\d.]+):(\d+)$/.exec(t);
  const [, host4 = '', port4 = ''] = v4 ?? [];
  if (isIPv4(host4)) {
    const port = validPort(port4);
    return port === undefined ? undefined : make(host4, port);
  }
  return undefined;
}

/**
 * Parses a list of name server designators for a lookup's `nameservers` option.
 *
 * @param list - designators (a single string is a list of one)
 * @param what - the function and option, for the errors (default `'nameservers'`)
 * @returns the servers, in order
 * @throws {TypeError} naming the first designator that is not valid, or when the list is empty or not a list
 * @example
 * ```ts
 * parseNameServers(['127.0.0.1:15353'], 'lookupHostname: nameservers')
 * ```
 */
export function parseNameServers(list: string | readonly string[], what = 'nameservers'): NameServer[] {
  const items: readonly unknown[] | undefined = typeof list === 'string' ? [list] : Array.isArray(list) ? list : undefined;
  if (items === undefined) throw new TypeError(`${what} must be a string or an array of strings, got ${typeof list}`);
  if (items.length === 0) throw new TypeError(`${what}: the list is empty (give at least one server, e.g. "127.0.0.1:53")`);
  return items.map((item) => {
    const ns = typeof item === 'string' ? parseNameServer(item) : undefined;
    if (ns === undefined)
      throw new TypeError(
        `${what}: ${JSON.stringify(item)} is not an IP address with an optional port ("192.0.2.1", "127.0.0.1:15353", "[::1]:53")`,
      );
    return ns;
  });
}
