/**
 * One name, one type, through the cache and the exchange, with the answer's
 * CNAME chain followed (re-asking for the chain's end when the reply stops
 * short), a hop limit and loop detection. Only records on the chain count:
 * anything else in the answer section is ignored.
 */
import type { Context } from './context.js';
import { ResolverFailError, ResolverNoNameError, ResolverUnknownError } from './errors.js';
import { exchange } from './exchange.js';
import { nameKey } from './name-codec.js';
import { CLASS_IN, RCODE, TYPE_SOA } from './types.js';
import type { DnsMessage, DnsRecord } from './types.js';
import type { ResolverDatum } from './errors.js';

/** Most CNAMEs followed for one lookup. */
export const MAX_CNAME_HOPS = 16;

/** Records of the asked type at the end of the chain, and that end's name. */
export interface Resolved {
  readonly canonicalName: string;
  readonly records: readonly DnsRecord[];
}

function ask(name: string, type: number, ctx: Context): Promise<DnsMessage> | DnsMessage {
  const cache = ctx.cache;
  if (cache === undefined) return exchange(name, type, ctx.exchange);
  const key = `${type}|${nameKey(name)}|${ctx.serversKey}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  return exchange(name, type, ctx.exchange).then((reply) => {
    cache.set(key, reply);
    return reply;
  });
}

/** Where a chain walk stands across re-asks. */
interface Chain<T> {
  readonly origin: string;
  readonly type: number;
  readonly ctx: Context;
  readonly datum: ResolverDatum;
  readonly map: (r: Resolved) => T;
  hops: number;
  seen: Set<string> | undefined;
}

/**
 * Resolves `name` to its records of `type` and hands them to `map` (in the
 * same promise step: no extra hop on the hot path).
 *
 * @param name - ASCII name
 * @param type - type code (not CNAME)
 * @param ctx - the call's context
 * @param datum - what the caller looked up, for the errors
 * @param map - turns the result into what the caller wants
 * @returns `map` of the canonical name (without trailing dot) and the records
 * @throws {ResolverNoNameError} NXDOMAIN (`ENOTFOUND`) or no record of the type (`ENODATA`)
 * @throws {ResolverFailError} a CNAME loop or a chain over {@link MAX_CNAME_HOPS} (`EBADRESP`)
 * @throws {ResolverUnknownError} an unexpected RCODE
 * @throws {ExchangeError} when no server gave a usable reply (the caller maps it)
 * @example
 * ```ts
 * const { canonicalName, records } = await resolveChain('www.example.test', 1, ctx, 'www.example.test', (r) => r);
 * ```
 */
export function resolveChain<T>(name: string, type: number, ctx: Context, datum: ResolverDatum, map: (r: Resolved) => T): Promise<T> {
  return askFor(name, { origin: name, type, ctx, datum, map, hops: 0, seen: undefined });
}

function askFor<T>(current: string, chain: Chain<T>): Promise<T> {
  try {
    const reply = ask(current, chain.type, chain.ctx);
    if (reply instanceof Promise) return reply.then((msg) => follow(msg, current, chain));
    return Promise.resolve(follow(reply, current, chain));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function follow<T>(msg: DnsMessage, current: string, chain: Chain<T>): T | Promise<T> {
  const { type, datum } = chain;
  if (msg.rcode !== RCODE.NOERROR && msg.rcode !== RCODE.NXDOMAIN) {
    throw new ResolverUnknownError(datum, { detail: `the server answered RCODE ${msg.rcode}` });
  }
  let at = current;
  let atKey = nameKey(at);
  for (;;) {
    let cname: string | undefined;
    const records: DnsRecord[] = [];
    for (const rr of msg.answer) {
      if (rr.class !== CLASS_IN || (rr.name !== at && nameKey(rr.name) !== atKey)) continue;
      if (rr.typeCode === type) records.push(rr);
      else if (rr.type === 'cname' && cname === undefined) cname = rr.data;
    }
    if (records.length > 0) return chain.map({ canonicalName: at, records });
    if (cname === undefined) break;
    if (++chain.hops > MAX_CNAME_HOPS)
      throw new ResolverFailError(datum, { code: 'EBADRESP', detail: `CNAME chain longer than ${MAX_CNAME_HOPS}` });
    const k = nameKey(cname);
    chain.seen ??= new Set<string>([nameKey(chain.origin)]);
    if (chain.seen.has(k)) throw new ResolverFailError(datum, { code: 'EBADRESP', detail: `CNAME loop at ${cname}` });
    chain.seen.add(k);
    at = cname;
    atKey = k;
  }
  if (msg.rcode === RCODE.NXDOMAIN) throw new ResolverNoNameError(datum, { code: 'ENOTFOUND', detail: `NXDOMAIN for ${at}` });
  // The chain ended without records: NODATA when it ended where we asked,
  // or when the server proved the end has none (an SOA in authority).
  if (at === current || msg.authority.some((rr) => rr.typeCode === TYPE_SOA)) {
    throw new ResolverNoNameError(datum, {
      code: 'ENODATA',
      detail: `no ${type === 28 ? 'AAAA' : type === 1 ? 'A' : `type ${type}`} record for ${at}`,
    });
  }
  // The reply stopped short of the chain's end: ask for the end itself.
  return askFor(at, chain);
}
