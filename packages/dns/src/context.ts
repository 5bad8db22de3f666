/**
 * Turns a lookup's options plus resolv.conf into the settings of its
 * exchanges, and maps internal failures to the resolver's conditions.
 */
import { DnsCache, defaultCache } from './cache.js';
import { checkObject, checkOptionalBoolean, checkPath } from './check.js';
import {
  DnsFormatError,
  ResolverAgainError,
  ResolverError,
  ResolverFailError,
  ResolverNoNameError,
  ResolverUnknownError,
} from './errors.js';
import type { ResolverDatum } from './errors.js';
import { ExchangeError } from './exchange.js';
import type { ExchangeConfig } from './exchange.js';
import { parseNameServers } from './nameserver.js';
import type { NameServer } from './nameserver.js';
import { currentResolvConf } from './resolv-conf.js';
import type { ResolvConf } from './resolv-conf.js';

/** Options every resolver call takes. */
export interface ResolverOptions {
  /** Servers to ask instead of resolv.conf's, as Node's `setServers` takes them (`'127.0.0.1:15353'`, `'[::1]:53'`). */
  readonly nameservers?: string | readonly string[];
  /** Seconds to wait for each try (resolv.conf `timeout`, default 5). */
  readonly timeout?: number;
  /** Tries per server (resolv.conf `attempts`, default 2). */
  readonly attempts?: number;
  /** Seconds the whole call may take (default: timeout × attempts × servers). */
  readonly totalTimeout?: number;
  /** Aborts the call: it rejects with `ResolverAgainError` (`code: 'ECANCELLED'`). */
  readonly signal?: AbortSignal;
  /** Read this file instead of `/etc/resolv.conf`. */
  readonly resolvConf?: string;
  /** Send EDNS0 (default true). */
  readonly edns?: boolean;
  /** TCP only (resolv.conf `use-vc`). */
  readonly useVc?: boolean;
  /** Round-robin over the servers (resolv.conf `rotate`). */
  readonly rotate?: boolean;
}

/** A prepared call: the exchange settings and what else the options said. */
export interface Context {
  readonly conf: ResolvConf;
  readonly exchange: ExchangeConfig;
  /** Cache key part naming the servers. */
  readonly serversKey: string;
  readonly cache: DnsCache | undefined;
}

const serverLists = new Map<string, NameServer[]>();

function serversOf(fn: string, list: string | readonly string[]): NameServer[] {
  const key = typeof list === 'string' ? list : Array.isArray(list) ? list.join(' ') : '';
  let servers = serverLists.get(key);
  if (servers === undefined) {
    servers = parseNameServers(list, `${fn}: nameservers`);
    if (serverLists.size >= 64) serverLists.clear();
    serverLists.set(key, servers);
  }
  return servers;
}

function positive(fn: string, name: string, value: number | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new TypeError(`${fn}: ${name} must be a positive ${integer ? 'integer' : 'number of seconds'}, got ${String(value)}`);
  }
  return value;
}

function flag(fn: string, name: string, value: unknown): boolean | undefined {
  checkOptionalBoolean(fn, name, value);
  return value;
}

/**
 * Builds the settings of a call from its options and resolv.conf.
 *
 * @param fn - the public function called, for the errors
 * @param options - the call's options
 * @param cache - the cache option (`true`: the shared cache)
 * @returns the context
 * @throws {TypeError} on a bad option (naming the function and the option)
 * @example
 * ```ts
 * const ctx = makeContext('dnsQuery', { nameservers: '127.0.0.1:15353', timeout: 1 }, false);
 * ```
 */
export function makeContext(fn: string, options: ResolverOptions, cache: boolean | DnsCache | undefined): Context {
  checkObject(fn, 'options', options, false);
  if (options.resolvConf !== undefined) checkPath(fn, 'resolvConf', options.resolvConf);
  if (cache !== undefined && typeof cache !== 'boolean' && !(cache instanceof DnsCache))
    throw new TypeError(`${fn}: cache must be a boolean or a DnsCache`);
  const conf = currentResolvConf(options.resolvConf);
  const servers = options.nameservers === undefined ? conf.nameservers : serversOf(fn, options.nameservers);
  const timeout = positive(fn, 'timeout', options.timeout, false) ?? conf.timeout;
  const attempts = positive(fn, 'attempts', options.attempts, true) ?? conf.attempts;
  const total = positive(fn, 'totalTimeout', options.totalTimeout, false) ?? timeout * attempts * servers.length;
  const signal = options.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError(`${fn}: signal must be an AbortSignal`);
  return {
    conf,
    exchange: {
      servers,
      timeout,
      attempts,
      signal,
      rotate: flag(fn, 'rotate', options.rotate) ?? conf.rotate,
      useVc: flag(fn, 'useVc', options.useVc) ?? conf.useVc,
      edns: flag(fn, 'edns', options.edns) ?? conf.edns0,
      deadline: performance.now() + total * 1000,
    },
    serversKey: cache === false ? '' : servers.map((s) => s.label).join(','),
    cache: cache === false ? undefined : cache === true || cache === undefined ? defaultCache : cache,
  };
}

/**
 * Rejects at once when the call's signal is already aborted, before the
 * hosts file or the cache could answer.
 *
 * @param ctx - the call's context
 * @param datum - what is looked up
 * @throws {ResolverAgainError} with code `'ECANCELLED'`
 * @example
 * ```ts
 * checkAborted(ctx, 'www.example.test');
 * ```
 */
export function checkAborted(ctx: Context, datum: ResolverDatum): void {
  const signal = ctx.exchange.signal;
  if (signal?.aborted === true)
    throw new ResolverAgainError(datum, { code: 'ECANCELLED', detail: 'the lookup was aborted', cause: signal.reason });
}

/**
 * The resolver condition for any failure of a call about `datum`; resolver
 * errors pass through, everything lower-level is wrapped, never rethrown.
 *
 * @param datum - what was looked up
 * @param e - the failure
 * @returns a {@link ResolverError}
 * @example
 * ```ts
 * throw toResolverError('www.example.test', e);
 * ```
 */
export function toResolverError(datum: ResolverDatum, e: unknown): ResolverError {
  if (e instanceof ResolverError) return e;
  if (e instanceof ExchangeError) {
    const code = e.code;
    if (code === 'EAI_AGAIN' || code === 'ECANCELLED')
      return new ResolverAgainError(datum, { code, detail: e.message, cause: e.cause ?? e });
    return new ResolverFailError(datum, { code, detail: e.message });
  }
  if (e instanceof DnsFormatError) return new ResolverNoNameError(datum, { code: 'EBADNAME', detail: e.message });
  return new ResolverUnknownError(datum, { detail: e instanceof Error ? e.message : String(e), cause: e });
}
