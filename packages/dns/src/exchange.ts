/**
 * One question to a list of name servers (resolv.conf semantics): attempts ×
 * servers, each try on a fresh connected UDP socket with a random ID; a reply
 * counts only if its ID, QR, opcode and question match (RFC 5452); TC → the
 * same question over TCP (RFC 7766); EDNS0 with a 1232-octet payload, dropped
 * for a server that answers FORMERR/NOTIMP/BADVERS to it (RFC 6891 §7);
 * SERVFAIL, REFUSED, a timeout or a socket error → the next server.
 */
import { randomFillSync } from 'node:crypto';
import { DnsFormatError, type ResolverAgainCode, type ResolverFailCode } from './errors.js';
import { encodeName, encodeQueryWire } from './message-encode.js';
import { decodeMessage } from './message-decode.js';
import { nameKey, readName } from './name-codec.js';
import type { NameServer } from './nameserver.js';
import { TransportTimeoutError } from './deadline.js';
import { tcpExchange } from './tcp-exchange.js';
import { CLASS_IN, RCODE } from './types.js';
import type { DnsMessage } from './types.js';
import { udpExchange } from './udp-engine.js';

/** How an exchange failed. Internal: lookups turn it into a resolver error with a datum. */
export class ExchangeError extends Error {
  /**
   * @param kind - `'again'` (no usable reply), `'fail'` (every server refused or failed), `'cancelled'` (aborted)
   * @param code - Node-style code: `'EAI_AGAIN'` (again), `'ECANCELLED'` (cancelled), a {@link ResolverFailCode} (fail)
   * @param last - the last failure reply, when a server sent one
   */
  constructor(
    readonly kind: 'again' | 'fail' | 'cancelled',
    readonly code: ResolverAgainCode | ResolverFailCode,
    detail: string,
    readonly last?: DnsMessage,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'ExchangeError';
  }
}

/** Settings of one exchange. */
export interface ExchangeConfig {
  readonly servers: readonly NameServer[];
  /** Seconds per try. */
  readonly timeout: number;
  /** Tries per server. */
  readonly attempts: number;
  readonly rotate: boolean;
  readonly useVc: boolean;
  readonly edns: boolean;
  /** `performance.now()` value after which nothing more is tried. */
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
}

const ids = Buffer.alloc(4096);
let idPos = ids.length;

/**
 * A query ID from the operating system's CSPRNG (RFC 5452 §9.2), drawn from a
 * refilled pool so each costs no system call.
 *
 * @returns 0–65535
 * @example
 * ```ts
 * randomId() // 48213
 * ```
 */
export function randomId(): number {
  if (idPos >= ids.length) {
    randomFillSync(ids);
    idPos = 0;
  }
  const id = ids.readUInt16BE(idPos);
  idPos += 2;
  return id;
}

/** Servers that answered FORMERR/NOTIMP/BADVERS to EDNS: label → until (ms). */
const noEdns = new Map<string, number>();
let rotation = 0;

const RCODE_CODES: Readonly<Record<number, ResolverFailCode>> = {
  [RCODE.FORMERR]: 'EFORMERR',
  [RCODE.SERVFAIL]: 'ESERVFAIL',
  [RCODE.NOTIMP]: 'ENOTIMP',
  [RCODE.REFUSED]: 'EREFUSED',
};

/** Whether `reply` answers `query` (RFC 5452 §4.3): ID, QR, opcode and the one question, case-insensitively. */
function matches(reply: DnsMessage, id: number, qkey: string, type: number): boolean {
  if (reply.id !== id || !reply.flags.qr || reply.flags.opcode !== 0 || reply.question.length !== 1) return false;
  const q = reply.question[0];
  return q !== undefined && q.typeCode === type && q.class === CLASS_IN && nameKey(q.name) === qkey;
}

function acceptor(id: number, qkey: string, type: number): (bytes: Uint8Array) => DnsMessage | undefined {
  return (bytes) => {
    // Cheap checks on the raw header first: most spoofs die here.
    if (bytes.length < 12 || (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) !== id || ((bytes[2] ?? 0) & 0x80) === 0) return undefined;
    try {
      const m = decodeMessage(bytes);
      return matches(m, id, qkey, type) ? m : undefined;
    } catch (e) {
      if (e instanceof DnsFormatError) return undefined;
      throw e;
    }
  };
}

type TryOutcome =
  | { readonly kind: 'answer'; readonly message: DnsMessage }
  | { readonly kind: 'fail'; readonly message: DnsMessage }
  | { readonly kind: 'again'; readonly detail: string; readonly cause: unknown; readonly dead: boolean };

async function tcpTry(
  server: NameServer,
  query: Buffer,
  id: number,
  qkey: string,
  type: number,
  ms: number,
  cfg: ExchangeConfig,
): Promise<DnsMessage> {
  const bytes = await tcpExchange(server, query, ms, cfg.signal);
  const m = acceptor(id, qkey, type)(bytes);
  if (m === undefined) throw new DnsFormatError(`TCP reply from ${server.label} does not match the query`);
  return m;
}

/** Milliseconds left for a try that started at `started`, within the call's deadline. */
function budget(started: number, cfg: ExchangeConfig): number {
  const now = performance.now();
  return Math.max(1, Math.min(cfg.timeout * 1000 - (now - started), cfg.deadline - now));
}

async function tryServer(server: NameServer, wire: Buffer, qkey: string, type: number, cfg: ExchangeConfig): Promise<TryOutcome> {
  let started = performance.now();
  const until = noEdns.size === 0 ? undefined : noEdns.get(server.label);
  let edns = cfg.edns && (until === undefined || until < Date.now());
  for (;;) {
    const id = randomId();
    const query = encodeQueryWire({ id, type, edns }, wire);
    let message: DnsMessage;
    try {
      if (cfg.useVc) {
        message = await tcpTry(server, query, id, qkey, type, budget(started, cfg), cfg);
      } else {
        message = await udpExchange(server, query, budget(started, cfg), cfg.signal, acceptor(id, qkey, type));
        if (message.flags.tc) {
          // The TCP retry gets a full try's time of its own.
          started = performance.now();
          message = await tcpTry(server, query, id, qkey, type, budget(started, cfg), cfg);
        }
      }
    } catch (e) {
      if (cfg.signal?.aborted === true)
        throw new ExchangeError('cancelled', 'ECANCELLED', 'the lookup was aborted', undefined, { cause: cfg.signal.reason });
      const timeout = e instanceof TransportTimeoutError;
      const detail = timeout ? e.message : `${server.label}: ${e instanceof Error ? e.message : String(e)}`;
      return { kind: 'again', detail, cause: e, dead: !timeout && !(e instanceof DnsFormatError) };
    }
    const rcode = message.rcode;
    if (edns && (rcode === RCODE.FORMERR || rcode === RCODE.NOTIMP || rcode === RCODE.BADVERS)) {
      if (noEdns.size >= 256) noEdns.clear();
      noEdns.set(server.label, Date.now() + 600_000);
      edns = false;
      continue;
    }
    if (rcode in RCODE_CODES) return { kind: 'fail', message };
    return { kind: 'answer', message };
  }
}

/**
 * Asks the servers one question until one gives a usable answer.
 *
 * @param name - ASCII name in presentation format
 * @param type - type code
 * @param cfg - servers, timing, signal
 * @returns the first reply whose RCODE is not SERVFAIL, REFUSED, FORMERR or NOTIMP
 * @throws {ExchangeError} `'fail'` when every server answered with one of those, `'again'` when some gave no usable reply, `'cancelled'` when aborted
 * @throws {DnsFormatError} when `name` cannot be encoded
 * @example
 * ```ts
 * const reply = await exchange('www.example.test', 1, cfg);
 * ```
 */
export async function exchange(name: string, type: number, cfg: ExchangeConfig): Promise<DnsMessage> {
  const wire = encodeName(name);
  const qkey = nameKey(readName(wire, 0, wire.length).name);
  const n = cfg.servers.length;
  const first = cfg.rotate && n > 1 ? rotation++ % n : 0;
  // Per server: dead (skip from now on), failed (answered SERVFAIL/REFUSED/…); plain arrays, allocated lazily.
  let dead: boolean[] | undefined;
  let deadCount = 0;
  let failed: boolean[] | undefined;
  let failedCount = 0;
  let lastFail: DnsMessage | undefined;
  let lastAgain: { detail: string; cause: unknown } | undefined;
  for (let attempt = 0; attempt < cfg.attempts && deadCount < n; attempt++) {
    for (let k = 0; k < n; k++) {
      const i = (first + k) % n;
      const server = cfg.servers[i];
      if (server === undefined || dead?.[i] === true) continue;
      if (cfg.signal?.aborted === true)
        throw new ExchangeError('cancelled', 'ECANCELLED', 'the lookup was aborted', undefined, { cause: cfg.signal.reason });
      if (cfg.deadline - performance.now() < 2) throw new ExchangeError('again', 'EAI_AGAIN', 'the lookup timed out', lastFail);
      const outcome = await tryServer(server, wire, qkey, type, cfg);
      if (outcome.kind === 'answer') return outcome.message;
      if (outcome.kind === 'fail') {
        lastFail = outcome.message;
        failed ??= [];
        if (failed[i] !== true) failedCount++;
        failed[i] = true;
        if (outcome.message.rcode !== RCODE.SERVFAIL) {
          dead ??= [];
          deadCount++;
          dead[i] = true;
        }
      } else {
        lastAgain = outcome;
        if (outcome.dead) {
          dead ??= [];
          deadCount++;
          dead[i] = true;
        }
      }
    }
  }
  if (lastFail !== undefined && failedCount === n) {
    const rc = lastFail.rcode;
    throw new ExchangeError('fail', RCODE_CODES[rc] ?? 'ESERVFAIL', `${lastFail.rcodeName} from every name server`, lastFail);
  }
  throw new ExchangeError('again', 'EAI_AGAIN', lastAgain?.detail ?? 'no usable reply', lastFail, { cause: lastAgain?.cause });
}
