/**
 * Name server designators, as Node's `Resolver.setServers` takes them and as
 * `nameserver` lines hold them: `'192.0.2.1'`, `'127.0.0.1:15353'`, `'::1'`,
 * `'[::1]:15353'`, `'fe80::1%eth0'`.
 */
import { parseIPLiteral } from './addresses.js';

function isIPv4(text: string): boolean {
  return parseIPLiteral(text)?.family === 'ipv4';
}

function isIPv6(text: string): boolean {
  return parseIPLiteral(text)?.family === 'ipv6';
}

/** One name server to ask. */
export interface NameServer {
  /** Address text (IPv6 without brackets, zone kept). */
  readonly host: string;
  readonly port: number;
  readonly family: 4 | 6;
  /** `host:port` or `[host]:port`, for messages and cache keys. */
  readonly label: string;
}

function make(host: string, port: number): NameServer {
  const family = isIPv4(host) ? 4 : 6;
  return { host, port, family, label: family === 4 ? `${host}:${port}` : `[${host}]:${port}` };
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
 * @example
 * ```ts
 * parseNameServer('[::1]:15353') // { host: '::1', port: 15353, family: 6, label: '[::1]:15353' }
 * ```
 */
export function parseNameServer(text: string, defaultPort = 53): NameServer | undefined {
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
 * @returns the servers, in order
 * @throws {TypeError} naming the first designator that is not valid, or when the list is empty
 * @example
 * ```ts
 * parseNameServers(['127.0.0.1:15353'])
 * ```
 */
export function parseNameServers(list: string | readonly string[]): NameServer[] {
  const items = typeof list === 'string' ? [list] : list;
  if (items.length === 0) throw new TypeError('nameservers: the list is empty (give at least one server, e.g. "127.0.0.1:53")');
  return items.map((item) => {
    const ns = typeof item === 'string' ? parseNameServer(item) : undefined;
    if (ns === undefined) throw new TypeError(`nameservers: ${JSON.stringify(item)} is not an IP address with an optional port ("192.0.2.1", "127.0.0.1:15353", "[::1]:53")`);
    return ns;
  });
}
