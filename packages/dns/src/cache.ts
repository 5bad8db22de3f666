/**
 * A TTL-respecting answer cache with negative caching (RFC 2308 §5): positive
 * answers live for their smallest TTL, NXDOMAIN and NODATA for
 * min(SOA TTL, SOA MINIMUM) of the authority section's SOA, and are not cached
 * without one. Bounded in size (oldest out first) and in TTL.
 */
import { checkInteger, checkObject, checkString } from './check.js';
import { RCODE } from './types.js';
import type { DnsMessage } from './types.js';

interface Entry {
  readonly expires: number;
  readonly message: DnsMessage;
}

/** Cache limits. */
export interface CacheLimits {
  /** Most entries kept (default 10 000). */
  readonly maxEntries?: number;
  /** Longest time an entry is kept, in seconds (default one day). */
  readonly maxTtl?: number;
}

/**
 * The TTL an answer may be cached for, per RFC 2308 for negative answers.
 *
 * @param message - a reply with RCODE NOERROR or NXDOMAIN
 * @returns seconds, 0 when it must not be cached
 * @throws {TypeError} when `message` is not an object
 * @example
 * ```ts
 * cacheTtl(reply) // 300
 * ```
 */
export function cacheTtl(message: DnsMessage): number {
  checkObject('cacheTtl', 'message', message, false);
  if (message.flags.tc) return 0;
  if (message.rcode === RCODE.NOERROR && message.answer.length > 0) {
    let ttl = Infinity;
    for (const rr of message.answer) ttl = Math.min(ttl, rr.ttl);
    return ttl;
  }
  if (message.rcode !== RCODE.NOERROR && message.rcode !== RCODE.NXDOMAIN) return 0;
  for (const rr of message.authority) {
    if (rr.type === 'soa') return Math.min(rr.ttl, rr.data.minttl);
  }
  return 0;
}

function checkKeyAndTime(fn: string, key: unknown, now: unknown): void {
  checkString(fn, 'key', key);
  if (typeof now !== 'number' || !Number.isFinite(now))
    throw new TypeError(`${fn}: now must be a finite number of milliseconds, got ${String(now)}`);
}

/** The answer cache. One instance serves the whole process by default. */
export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxTtl: number;

  /**
   * @param limits - size and TTL bounds
   * @throws {TypeError} when `limits` is not an object; {RangeError} when `maxEntries` is not an integer ≥ 1 or `maxTtl` not an integer ≥ 0 (naming it)
   */
  constructor(limits: CacheLimits = {}) {
    checkObject('DnsCache', 'limits', limits, false);
    this.maxEntries = limits.maxEntries ?? 10_000;
    this.maxTtl = limits.maxTtl ?? 86_400;
    checkInteger('DnsCache', 'maxEntries', this.maxEntries, 1, Number.MAX_SAFE_INTEGER);
    checkInteger('DnsCache', 'maxTtl', this.maxTtl, 0, Number.MAX_SAFE_INTEGER);
  }

  /**
   * The cached reply for a key, if still fresh.
   *
   * @param key - from the question and the servers asked
   * @param now - the time in milliseconds (default `Date.now()`)
   * @returns the reply, or `undefined`
   * @throws {TypeError} when `key` is not a string or `now` not a finite number
   * @example
   * ```ts
   * cache.get('a|www.example.test|127.0.0.1:53')
   * ```
   */
  get(key: string, now = Date.now()): DnsMessage | undefined {
    checkKeyAndTime('DnsCache.get', key, now);
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (e.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.message;
  }

  /**
   * Stores a reply for its TTL ({@link cacheTtl}); replies with TTL 0 are not stored.
   *
   * @param key - from the question and the servers asked
   * @param message - the reply
   * @param now - the time in milliseconds (default `Date.now()`)
   * @throws {TypeError} when `key` is not a string, `message` not an object or `now` not a finite number
   * @example
   * ```ts
   * cache.set(key, reply)
   * ```
   */
  set(key: string, message: DnsMessage, now = Date.now()): void {
    checkKeyAndTime('DnsCache.set', key, now);
    const ttl = Math.min(cacheTtl(message), this.maxTtl);
    if (!(ttl > 0)) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.delete(key);
    this.entries.set(key, { expires: now + ttl * 1000, message });
  }

  /** Number of entries (fresh or not yet evicted). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Empties the cache.
   *
   * @example
   * ```ts
   * defaultCache.clear()
   * ```
   */
  clear(): void {
    this.entries.clear();
  }
}

/** The process-wide cache used by lookups unless `cache: false` is given. */
export const defaultCache = new DnsCache();
