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
import { CLASS_IN, RCODE, TYPE_CNAME, TYPE_SOA } from './types.js';
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

/**
 * Resolves `name` to its records of `type`.
 *
 * @param name - ASCII name
 * @param type - type code (not CNAME)
 * @param ctx - the call's context
 * @param datum - what the caller looked up, for the errors
 * @returns the canonical name (without trailing dot) and the records
 * @throws {ResolverNoNameError} NXDOMAIN (`ENOTFOUND`) or no record of the type (`ENODATA`)
 * @throws {ResolverFailError} a CNAME loop or a chain over {@link MAX_CNAME_HOPS} (`EBADRESP`)
 * @throws {ResolverUnknownError} an unexpected RCODE
 * @throws {ExchangeError} when no server gave a usable reply (the caller maps it)
 * @example
 * ```ts
 * const { canonicalName, records } = await resolveChain('www.example.test', 1, ctx, 'www.example.test');
 * ```
 */
export async function resolveChain(name: string, type: number, ctx: Context, datum: ResolverDatum): Promise<Resolved> {
  let current = name;
  let seen: Set<string> | undefined;
  let hops = 0;
  for (;;) {
    const msg = await ask(current, type, ctx);
    if (msg.rcode !== RCODE.NOERROR && msg.rcode !== RCODE.NXDOMAIN) {
      throw new ResolverUnknownError(datum, { detail: `the server answered RCODE ${msg.rcode}` });
    }
    let at = current;
    let atKey = nameKey(at);
    for (;;) {
      let cname: string | undefined;
      const records: DnsRecord[] = [];
      for (const rr of msg.answer) {
        if (rr.class !== CLASS_IN || nameKey(rr.name) !== atKey) continue;
        if (rr.typeCode === type) records.push(rr);
        else if (rr.typeCode === TYPE_CNAME && cname === undefined) cname = rr.data as string;
      }
      if (records.length > 0) return { canonicalName: at, records };
      if (cname === undefined) break;
      if (++hops > MAX_CNAME_HOPS) throw new ResolverFailError(datum, { code: 'EBADRESP', detail: `CNAME chain longer than ${MAX_CNAME_HOPS}` });
      const k = nameKey(cname);
      seen ??= new Set<string>([nameKey(name)]);
      if (seen.has(k)) throw new ResolverFailError(datum, { code: 'EBADRESP', detail: `CNAME loop at ${cname}` });
      seen.add(k);
      at = cname;
      atKey = k;
    }
    if (msg.rcode === RCODE.NXDOMAIN) throw new ResolverNoNameError(datum, { code: 'ENOTFOUND', detail: `NXDOMAIN for ${at}` });
    // The chain ended without records: NODATA when it ended where we asked,
    // or when the server proved the end has none (an SOA in authority).
    if (at === current || msg.authority.some((rr) => rr.typeCode === TYPE_SOA)) {
      throw new ResolverNoNameError(datum, { code: 'ENODATA', detail: `no ${type === 28 ? 'AAAA' : type === 1 ? 'A' : `type ${type}`} record for ${at}` });
    }
    current = at;
  }
}
