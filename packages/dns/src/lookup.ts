/**
 * `lookupHostname` and `ensureHostname` (manual §2.4.1): the hosts file
 * first, then DNS with the search list; A and AAAA asked in parallel; an
 * address does a reverse (PTR) lookup.
 */
import { isInetAddress, tryParseAddress } from '@iolib/address';
import type { InetAddress } from '@iolib/address';
import type { DnsCache } from './cache.js';
import { checkObject, checkOptionalBoolean, checkPath } from './check.js';
import { checkAborted, makeContext, toResolverError } from './context.js';
import type { Context, ResolverOptions } from './context.js';
import { ResolverError, ResolverNoNameError } from './errors.js';
import { currentHosts } from './hosts.js';
import type { HostsEntry } from './hosts.js';
import { toAsciiName } from './idna.js';
import { nameKey } from './name-codec.js';
import { resolveChain } from './resolve.js';
import { ptrName, unmapped } from './reverse.js';
import type { Resolved } from './resolve.js';
import { TYPE_A, TYPE_AAAA, TYPE_PTR } from './types.js';

/** Which address families a lookup wants: IPv4 only (`false`, the default), IPv6 only (`'ipv6'`), or both (`true`). */
export type IPv6Mode = boolean | 'ipv6';

/** Options of {@link lookupHostname}. */
export interface LookupHostnameOptions extends ResolverOptions {
  /** `false` (default): A only; `'ipv6'`: AAAA only; `true`: both, IPv4 first. */
  readonly ipv6?: IPv6Mode;
  /** Read this file instead of `/etc/hosts`. */
  readonly hostsFile?: string;
  /** Search list instead of resolv.conf's `search`/`domain`. */
  readonly search?: readonly string[];
  /** resolv.conf `ndots` override. */
  readonly ndots?: number;
  /** `false` turns the answer cache off; a `DnsCache` uses that one. Default: the shared cache. */
  readonly cache?: boolean | DnsCache;
}

/** One of the host's names with its address. */
export interface HostAlias {
  readonly name: string;
  readonly address: InetAddress;
}

/** The four values of IOLib's `lookup-hostname`. */
export interface HostLookup {
  /** The primary address. */
  readonly address: InetAddress;
  /** The other addresses (IPv4 before IPv6 with `ipv6: true`). */
  readonly otherAddresses: readonly InetAddress[];
  /** The name after following CNAMEs, without a trailing dot (for a reverse lookup: the PTR name). */
  readonly canonicalName: string;
  /** Every name with its address. */
  readonly aliases: readonly HostAlias[];
}

function checkIPv6(ipv6: unknown): IPv6Mode {
  if (ipv6 === undefined) return false;
  if (ipv6 === true || ipv6 === false || ipv6 === 'ipv6') return ipv6;
  throw new TypeError(`lookupHostname: ipv6 must be false, true or 'ipv6', got ${JSON.stringify(ipv6)}`);
}

/** The first element of a list the caller knows is not empty. */
function first<T>(list: readonly T[]): T {
  const [x] = list;
  if (x === undefined) throw new Error('internal error: an empty result list');
  return x;
}

function fromHosts(entries: readonly HostsEntry[]): HostLookup {
  const addresses = entries.map((e) => e.address);
  const aliases: HostAlias[] = [];
  for (const e of entries) for (const name of e.names) aliases.push({ name, address: e.address });
  return { address: first(addresses), otherAddresses: addresses.slice(1), canonicalName: first(first(entries).names), aliases };
}

function candidates(name: string, ctx: Context, options: LookupHostnameOptions): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = options.search ?? ctx.conf.search;
  const ndots = options.ndots ?? ctx.conf.ndots;
  let dots = 0;
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) dots++;
  const searched = search.map((d) => `${name}.${d}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

function same(r: Resolved): Resolved {
  return r;
}

function one(r: Resolved): HostLookup {
  return toHostLookup([r]);
}

function toHostLookup(ok: readonly Resolved[]): HostLookup {
  const addresses: InetAddress[] = [];
  const aliases: HostAlias[] = [];
  for (const r of ok) {
    for (const rr of r.records) {
      const address = rr.data as InetAddress;
      addresses.push(address);
      aliases.push({ name: rr.name, address });
    }
  }
  return { address: first(addresses), otherAddresses: addresses.slice(1), canonicalName: first(ok).canonicalName, aliases };
}

function forward(name: string, mode: IPv6Mode, ctx: Context, datum: string): Promise<HostLookup> {
  return mode === true ? forwardBoth(name, ctx, datum) : resolveChain(name, mode === false ? TYPE_A : TYPE_AAAA, ctx, datum, one);
}

/** Both families: asked in parallel; one failing is fine when the other answers. */
async function forwardBoth(name: string, ctx: Context, datum: string): Promise<HostLookup> {
  const settled = await Promise.allSettled([resolveChain(name, TYPE_A, ctx, datum, same), resolveChain(name, TYPE_AAAA, ctx, datum, same)]);
  const ok = settled.filter((s): s is PromiseFulfilledResult<Resolved> => s.status === 'fulfilled').map((s) => s.value);
  if (ok.length === 0) {
    const errors = settled.map((s) => toResolverError(datum, (s as PromiseRejectedResult).reason));
    // Rank: a temporary failure or a hard failure says more than "no such name".
    throw errors.find((e) => !(e instanceof ResolverNoNameError)) ?? first(errors);
  }
  return toHostLookup(ok);
}

function byName(host: string, mode: IPv6Mode, options: LookupHostnameOptions, ctx: Context): Promise<HostLookup> | HostLookup {
  const ascii = toAsciiName(host);
  // A malformed name fails when it is encoded for the query (EBADNAME), after the hosts file had its chance.
  if (ascii === '' || ascii === '.') throw new ResolverNoNameError(host, { code: 'EBADNAME', detail: 'the name is empty' });
  const hosts = currentHosts(options.hostsFile).byName.get(nameKey(ascii));
  if (hosts !== undefined) {
    const fit = hosts.filter((e) => (mode === false ? e.family === 4 : mode === 'ipv6' ? e.family === 6 : true));
    if (mode === true) fit.sort((a, b) => a.family - b.family);
    if (fit.length > 0) return fromHosts(fit);
  }
  const list = candidates(ascii, ctx, options);
  const [only] = list;
  return list.length === 1 && only !== undefined ? forward(only, mode, ctx, host) : search(list, ascii, mode, ctx, host);
}

/** Tries the search list's names in order (resolv.conf semantics). */
async function search(list: readonly string[], ascii: string, mode: IPv6Mode, ctx: Context, host: string): Promise<HostLookup> {
  let noName: ResolverError | undefined;
  let failed: ResolverError | undefined;
  for (const candidate of list) {
    try {
      return await forward(candidate, mode, ctx, host);
    } catch (e) {
      const err = toResolverError(host, e);
      if (err instanceof ResolverNoNameError) {
        // Among "no such name" answers, the one for the name as given speaks.
        if (noName === undefined || nameKey(candidate) === nameKey(ascii)) noName = err;
      } else if (err.code === 'ESERVFAIL' || err.code === 'EREFUSED') {
        // A search domain the servers refuse only costs a chance.
        failed ??= err;
      } else {
        throw err;
      }
    }
  }
  throw noName ?? failed ?? new ResolverNoNameError(host);
}

async function byAddress(address: InetAddress, mode: IPv6Mode, options: LookupHostnameOptions, ctx: Context): Promise<HostLookup> {
  const target = unmapped(address);
  // As IOLib: without IPv6, an IPv4-mapped address is the IPv4 address it carries, in the result too.
  const shown = mode === false ? target : address;
  const entry = currentHosts(options.hostsFile).byAddress.get(target.toString());
  const names =
    entry !== undefined
      ? entry.names
      : (await resolveChain(ptrName(target), TYPE_PTR, ctx, address, same)).records.map((rr) => rr.data as string);
  return { address: shown, otherAddresses: [], canonicalName: first(names), aliases: names.map((name) => ({ name, address: shown })) };
}

/**
 * Looks up a host by name or address (IOLib's `lookup-hostname`): the hosts
 * file first, then DNS (search list and `ndots` from resolv.conf; A and AAAA
 * in parallel with `ipv6: true`; CNAMEs followed). An address (object or
 * literal text) does a reverse lookup: hosts file, then PTR.
 *
 * System calls: `socket`, `connect`, `send`, `recv`, `close` per exchange and
 * `epoll_ctl`/`epoll_wait` (UDP; `poll` for TCP); `stat`/`read` for the
 * hosts file and resolv.conf.
 *
 * @param host - a host name (Unicode allowed: IDNA), or an address to reverse-resolve
 * @param options - `ipv6`, `nameservers`, `timeout`, `attempts`, `signal`, `hostsFile`, …
 * @returns `{ address, otherAddresses, canonicalName, aliases }`
 * @throws {ResolverNoNameError} no such name (`ENOTFOUND`), no address of the family (`ENODATA`), a malformed name (`EBADNAME`)
 * @throws {ResolverFailError} every server failed or refused (`ESERVFAIL`, `EREFUSED`, …), or a CNAME loop (`EBADRESP`)
 * @throws {ResolverAgainError} no usable reply in time (`EAI_AGAIN`), or aborted (`ECANCELLED`)
 * @throws {ResolverUnknownError} anything else (the cause attached)
 * @throws {TypeError} on a bad option or a `host` that is neither a string nor an address
 * @example
 * ```ts
 * const { address, canonicalName } = await lookupHostname('www.example.test', { nameservers: '127.0.0.1:15353' });
 * ```
 */
export function lookupHostname(host: string | InetAddress, options: LookupHostnameOptions = {}): Promise<HostLookup> {
  let mode: IPv6Mode;
  let address: InetAddress | undefined;
  let ctx: Context;
  try {
    checkObject('lookupHostname', 'options', options, false);
    mode = checkIPv6(options.ipv6);
    if (typeof host !== 'string' && !isInetAddress(host))
      throw new TypeError(`lookupHostname: host must be a host name or an IP address, got ${String(host)}`);
    if (options.hostsFile !== undefined) checkPath('lookupHostname', 'hostsFile', options.hostsFile);
    address = typeof host === 'string' ? (tryParseAddress(host) ?? undefined) : host;
    if (options.search !== undefined && (!Array.isArray(options.search) || !options.search.every((d) => typeof d === 'string'))) {
      throw new TypeError('lookupHostname: search must be an array of domain names');
    }
    if (options.ndots !== undefined && !(Number.isInteger(options.ndots) && options.ndots >= 0))
      throw new TypeError(`lookupHostname: ndots must be an integer ≥ 0, got ${String(options.ndots)}`);
    ctx = makeContext('lookupHostname', options, options.cache);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new TypeError(String(e)));
  }
  const datum = address ?? host;
  // No async wrapper: one promise layer less on the hot path; every failure still becomes a ResolverError.
  try {
    checkAborted(ctx, datum);
    const result = address !== undefined ? byAddress(address, mode, options, ctx) : byName(host as string, mode, options, ctx);
    return result instanceof Promise
      ? result.catch((e: unknown) => {
          throw toResolverError(datum, e);
        })
      : Promise.resolve(result);
  } catch (e) {
    return Promise.reject(toResolverError(datum, e));
  }
}

/** Options of {@link ensureHostname}. */
export interface EnsureHostnameOptions extends LookupHostnameOptions {
  /** `false`: resolve to `null` instead of rejecting when the lookup fails. Default true. */
  readonly errorp?: boolean;
}

/**
 * An address for `x` (IOLib's `ensure-hostname`): an address object or a
 * literal is returned without a lookup; anything else is looked up with
 * {@link lookupHostname} and its primary address returned.
 *
 * @param x - an address, an address literal, or a host name
 * @param options - lookup options plus `errorp`
 * @returns the address, or `null` when the lookup fails and `errorp` is false
 * @throws {ResolverError} when the lookup fails and `errorp` is not false
 * @example
 * ```ts
 * await ensureHostname('127.0.0.1') // IPv4Address 127.0.0.1, no lookup
 * await ensureHostname('nx.invalid', { errorp: false }) // null
 * ```
 */
export async function ensureHostname(x: string | InetAddress, options: EnsureHostnameOptions = {}): Promise<InetAddress | null> {
  checkObject('ensureHostname', 'options', options, false);
  checkOptionalBoolean('ensureHostname', 'errorp', options.errorp);
  if (isInetAddress(x)) return x;
  if (typeof x === 'string') {
    const literal = tryParseAddress(x);
    if (literal !== null) return literal;
  }
  try {
    return (await lookupHostname(x, options)).address;
  } catch (e) {
    if (options.errorp === false && e instanceof ResolverError) return null;
    throw e;
  }
}
