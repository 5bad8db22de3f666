/**
 * The resolver's conditions (manual §2.4.2, §2.5, §2.6) and the decoder's own
 * error. Every class carries a `Symbol.for('iolib.X')` brand so `instanceof`
 * holds across duplicate installs of this package.
 */

import type { InetAddress } from '@iolib/address';
import { brandClass } from '@iolib/address/internal';

/**
 * A DNS message (or a part of one) that cannot be decoded or encoded: truncated
 * data, a bad compression pointer, a label or name over its limit, too many
 * records. The decoder throws nothing else, whatever bytes it is given.
 *
 * @example
 * ```ts
 * try { decodeMessage(bytes) } catch (e) { if (e instanceof DnsFormatError) console.log(e.offset) }
 * ```
 */
export class DnsFormatError extends Error {
  /** Byte offset in the message where the problem was found (-1 when not about a position). */
  readonly offset: number;
  readonly code = 'EBADRESP';

  constructor(message: string, offset = -1) {
    super(offset >= 0 ? `${message} (at byte ${offset})` : message);
    this.name = 'DnsFormatError';
    this.offset = offset;
  }
}
brandClass(DnsFormatError, 'DnsFormatError');

/** What a {@link ResolverError} was about: the host name, the address of a reverse lookup, or the queried name. */
export type ResolverDatum = string | InetAddress;

function datumText(datum: ResolverDatum): string {
  return typeof datum === 'string' ? JSON.stringify(datum) : datum.toString();
}

/** Codes of a {@link ResolverAgainError}: no usable reply in time (`'EAI_AGAIN'`), or the lookup was aborted (`'ECANCELLED'`). */
export type ResolverAgainCode = 'EAI_AGAIN' | 'ECANCELLED';
/**
 * Codes of a {@link ResolverFailError}: what every name server answered (`'ESERVFAIL'`,
 * `'EREFUSED'`, `'EFORMERR'`, `'ENOTIMP'`), or an unusable answer such as a CNAME loop (`'EBADRESP'`).
 */
export type ResolverFailCode = 'ESERVFAIL' | 'EREFUSED' | 'EFORMERR' | 'ENOTIMP' | 'EBADRESP';
/** Codes of a {@link ResolverNoNameError}: NXDOMAIN (`'ENOTFOUND'`), no record of the asked type (`'ENODATA'`), not a DNS name (`'EBADNAME'`). */
export type ResolverNoNameCode = 'ENOTFOUND' | 'ENODATA' | 'EBADNAME';
/** Every code a {@link ResolverError} can carry, Node's `dns` codes (`'EUNKNOWN'` when none was given). */
export type ResolverErrorCode = ResolverAgainCode | ResolverFailCode | ResolverNoNameCode | 'EUNKNOWN';

/** Options shared by the resolver errors; `C` is the codes the class can carry. */
export interface ResolverErrorOptions<C extends ResolverErrorCode = ResolverErrorCode> {
  /** Node-style code, e.g. `'ENOTFOUND'`. */
  readonly code?: C;
  /** Extra words for the message, e.g. `'SERVFAIL from 127.0.0.1:53'`. */
  readonly detail?: string;
  /** The lower-level error this one wraps (never thrown on its own by a lookup). */
  readonly cause?: unknown;
}

/**
 * Base of the resolver conditions (IOLib's `resolver-error`): something went
 * wrong while resolving `datum`. `code` is Node-style (`'ENOTFOUND'`,
 * `'ESERVFAIL'`, `'EAI_AGAIN'`, …) and `hostname` repeats the datum as Node's
 * DNS errors do.
 *
 * @example
 * ```ts
 * try { await lookupHostname('nx.example') } catch (e) { if (e instanceof ResolverError) console.log(e.datum, e.code) }
 * ```
 */
export class ResolverError extends Error {
  /** What was looked up: a host name string, or the address object of a reverse lookup. */
  readonly datum: ResolverDatum;
  /** Node-style code (a subclass narrows it to the codes it can carry). */
  readonly code: ResolverErrorCode;
  /** The datum as text, like Node's `err.hostname`. */
  readonly hostname: string;

  constructor(datum: ResolverDatum, message: string, options: ResolverErrorOptions = {}) {
    super(
      options.detail === undefined ? message : `${message} (${options.detail})`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'ResolverError';
    this.datum = datum;
    this.code = options.code ?? 'EUNKNOWN';
    this.hostname = typeof datum === 'string' ? datum : datum.toString();
  }
}
brandClass(ResolverError, 'ResolverError');

/**
 * A temporary failure (IOLib's `resolver-again-error`): no usable reply in time
 * from any name server, or the lookup was aborted. Code `'EAI_AGAIN'`
 * (`'ECANCELLED'` when aborted through an `AbortSignal`).
 *
 * @example
 * ```ts
 * if (e instanceof ResolverAgainError) setTimeout(retry, 1000);
 * ```
 */
export class ResolverAgainError extends ResolverError {
  declare readonly code: ResolverAgainCode;

  constructor(datum: ResolverDatum, options: ResolverErrorOptions<ResolverAgainCode> = {}) {
    super(datum, `Temporary failure occurred while resolving: ${datumText(datum)}`, { code: 'EAI_AGAIN', ...options });
    this.name = 'ResolverAgainError';
  }
}
brandClass(ResolverAgainError, 'ResolverAgainError');

/**
 * A non-recoverable failure (IOLib's `resolver-fail-error`): every name server
 * answered SERVFAIL, REFUSED, FORMERR or NOTIMP, or the answer was unusable (a
 * CNAME loop). Code `'ESERVFAIL'`, `'EREFUSED'`, `'EFORMERR'`, `'ENOTIMP'` or `'EBADRESP'`.
 *
 * @example
 * ```ts
 * if (e instanceof ResolverFailError && e.code === 'ESERVFAIL') report(e.datum);
 * ```
 */
export class ResolverFailError extends ResolverError {
  declare readonly code: ResolverFailCode;

  constructor(datum: ResolverDatum, options: ResolverErrorOptions<ResolverFailCode> = {}) {
    super(datum, `Non recoverable error occurred while resolving: ${datumText(datum)}`, { code: 'ESERVFAIL', ...options });
    this.name = 'ResolverFailError';
  }
}
brandClass(ResolverFailError, 'ResolverFailError');

/**
 * The name or address does not exist (IOLib's `resolver-no-name-error`):
 * NXDOMAIN (code `'ENOTFOUND'`), no record of the asked type (NODATA, code
 * `'ENODATA'`), or a name that cannot be a DNS name (code `'EBADNAME'`).
 *
 * @example
 * ```ts
 * await lookupHostname('nx.example.test').catch((e) => e instanceof ResolverNoNameError); // true
 * ```
 */
export class ResolverNoNameError extends ResolverError {
  declare readonly code: ResolverNoNameCode;

  constructor(datum: ResolverDatum, options: ResolverErrorOptions<ResolverNoNameCode> = {}) {
    super(datum, `Host or service not found: ${datumText(datum)}`, { code: 'ENOTFOUND', ...options });
    this.name = 'ResolverNoNameError';
  }
}
brandClass(ResolverNoNameError, 'ResolverNoNameError');

/**
 * Any other resolver failure (IOLib's `resolver-unknown-error`): an RCODE the
 * resolver does not know how to read (YXDOMAIN, BADVERS, …), or an unexpected
 * internal error, wrapped as `cause`. Code `'EBADRESP'`.
 *
 * @example
 * ```ts
 * if (e instanceof ResolverUnknownError) console.error(e.cause);
 * ```
 */
export class ResolverUnknownError extends ResolverError {
  declare readonly code: 'EBADRESP';

  constructor(datum: ResolverDatum, options: ResolverErrorOptions<'EBADRESP'> = {}) {
    super(datum, `Unknown error while resolving: ${datumText(datum)}`, { code: 'EBADRESP', ...options });
    this.name = 'ResolverUnknownError';
  }
}
brandClass(ResolverUnknownError, 'ResolverUnknownError');

/**
 * A network service that is in neither `/etc/services` nor the built-in IANA
 * table (IOLib's `unknown-service`, here a real `Error`). `datum` is the input.
 *
 * @example
 * ```ts
 * lookupService('no-such-service') // throws UnknownServiceError, e.datum === 'no-such-service'
 * ```
 */
export class UnknownServiceError extends Error {
  readonly datum: string | number;
  readonly code = 'ENOTFOUND';

  constructor(datum: string | number, protocol: string) {
    super(`Unknown service: ${JSON.stringify(datum)} (protocol ${protocol})`);
    this.name = 'UnknownServiceError';
    this.datum = datum;
  }
}
brandClass(UnknownServiceError, 'UnknownServiceError');

/**
 * A network protocol that is in neither `/etc/protocols` nor the built-in IANA
 * table (IOLib's `unknown-protocol`, here a real `Error`). `datum` is the input.
 *
 * @example
 * ```ts
 * lookupProtocol('nope') // throws UnknownProtocolError, e.datum === 'nope'
 * ```
 */
export class UnknownProtocolError extends Error {
  readonly datum: string | number;
  readonly code = 'ENOTFOUND';

  constructor(datum: string | number) {
    super(`Unknown protocol: ${JSON.stringify(datum)}`);
    this.name = 'UnknownProtocolError';
    this.datum = datum;
  }
}
brandClass(UnknownProtocolError, 'UnknownProtocolError');
