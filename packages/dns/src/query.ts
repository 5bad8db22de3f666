/**
 * `dnsQuery`: one question, the whole decoded reply (IOLib's `dns-query`,
 * with every record type decoded or kept as raw bytes).
 */
import { isInetAddress, tryParseAddress } from '@iolib/address';
import type { InetAddress } from '@iolib/address';
import { checkObject } from './check.js';
import { checkAborted, makeContext, toResolverError } from './context.js';
import type { ResolverOptions } from './context.js';
import { ExchangeError, exchange } from './exchange.js';
import { toAsciiName } from './idna.js';
import { encodeName } from './message-encode.js';
import { ptrName } from './reverse.js';
import { typeCodeOf, TYPE_PTR } from './types.js';
import type { DnsMessage } from './types.js';

/** Options of {@link dnsQuery}. */
export interface DnsQueryOptions extends ResolverOptions {
  /** Record type: a lowercase name (`'a'`, `'mx'`, `'caa'`, `'type65'`) or a number. Default `'a'`. */
  readonly type?: string | number;
}

/**
 * Asks the name servers one question and returns their decoded reply
 * (IOLib's `dns-query`). SERVFAIL and REFUSED send the question to the next
 * server; when every server fails that way, the last such reply is returned.
 * A PTR query takes an address (object or literal) and asks for its arpa name.
 * No search list, no hosts file, no cache.
 *
 * System calls: `socket`, `connect`, `send`, `recv`, `close` per exchange, `epoll_ctl`/`epoll_wait`
 * (UDP), `setsockopt`, `getsockopt(SO_ERROR)` and `poll` (TCP).
 *
 * @param name - the name (Unicode allowed: IDNA), or an address for `type: 'ptr'`
 * @param options - `type`, `nameservers`, `timeout`, `attempts`, `signal`, …
 * @returns the reply `{ id, rcode, flags, question, answer, authority, additional, edns? }`
 * @throws {ResolverAgainError} no usable reply from any server in time (`EAI_AGAIN`), or aborted (`ECANCELLED`)
 * @throws {ResolverNoNameError} a name that cannot be encoded (`EBADNAME`)
 * @throws {TypeError} on a bad option or an unknown type name
 * @example
 * ```ts
 * const reply = await dnsQuery('example.test', { type: 'mx', nameservers: '127.0.0.1:15353' });
 * reply.answer[0]?.data // { priority: 10, exchange: 'mail.example.test' }
 * ```
 */
export async function dnsQuery(name: string | InetAddress, options: DnsQueryOptions = {}): Promise<DnsMessage> {
  checkObject('dnsQuery', 'options', options, false);
  const type = typeCodeOf(options.type ?? 'a', 'dnsQuery: type');
  if (typeof name !== 'string' && !isInetAddress(name))
    throw new TypeError(`dnsQuery: name must be a string or an IP address, got ${String(name)}`);
  let qname: string;
  if (type === TYPE_PTR) {
    const address = typeof name === 'string' ? tryParseAddress(name) : name;
    qname = address === null ? (name as string) : ptrName(address);
  } else if (typeof name === 'string') {
    qname = name;
  } else {
    throw new TypeError(`dnsQuery: an address is a name only for type 'ptr', got type ${String(options.type)}`);
  }
  const ctx = makeContext('dnsQuery', options, false);
  checkAborted(ctx, name);
  try {
    qname = toAsciiName(qname);
    encodeName(qname);
    return await exchange(qname, type, ctx.exchange);
  } catch (e) {
    if (e instanceof ExchangeError && e.kind === 'fail' && e.last !== undefined) return e.last;
    throw toResolverError(name, e);
  }
}
