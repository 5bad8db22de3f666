/**
 * The typed error of address parsing. Text that is not an address throws an
 * {@link AddressParseError} quoting the input and the position of the first
 * offending character; values of the wrong kind throw the built-in
 * `TypeError`, numbers out of range the built-in `RangeError`.
 */
import { brandClass } from './brand.js';

/** What the text was expected to be, as named in an {@link AddressParseError}. */
export type AddressSyntax = 'IPv4 address' | 'IPv6 address' | 'IP address' | 'prefix' | 'reverse DNS name';

/**
 * Text that is not a valid address (IOLib's `parse-error`). Carries Node's
 * `code` (`'ERR_INVALID_IP_ADDRESS'`), the input, the 0-based position of the
 * first offending character and the reason.
 *
 * `instanceof AddressParseError` holds across duplicate installs of this
 * package (a `Symbol.for('iolib.AddressParseError')` brand).
 *
 * @example
 * ```ts
 * try { parseAddress('1.2.3.256') } catch (e) {
 *   if (e instanceof AddressParseError) console.log(e.code, e.position, e.reason); // 'ERR_INVALID_IP_ADDRESS' 6 'octet above 255'
 * }
 * ```
 */
export class AddressParseError extends Error {
  /** Node's code for an invalid IP address (`net.SocketAddress`, `dns.setServers`). */
  readonly code = 'ERR_INVALID_IP_ADDRESS' as const;
  /** The text that failed to parse, exactly as given. */
  readonly input: string;
  /** 0-based index in `input` of the first character that is wrong (may equal `input.length`). */
  readonly position: number;
  /** What is wrong there, e.g. `'octet above 255'`. */
  readonly reason: string;
  /** What the text was expected to be. */
  readonly syntax: AddressSyntax;

  /**
   * @param syntax - what the text was expected to be
   * @param input - the offending text
   * @param position - 0-based index of the first bad character
   * @param reason - what is wrong there
   */
  constructor(syntax: AddressSyntax, input: string, position: number, reason: string) {
    super(`invalid ${syntax} ${JSON.stringify(input)} at position ${position}: ${reason}`);
    this.name = 'AddressParseError';
    this.input = input;
    this.position = position;
    this.reason = reason;
    this.syntax = syntax;
  }
}
brandClass(AddressParseError, 'AddressParseError');

/**
 * Where the last failed low-level parse stopped and why. The hand-written
 * parsers return `-1` (or `false`) on failure and record the details here,
 * so the successful path never allocates an error object.
 * @internal
 */
export const lastFailure = { position: 0, reason: '' };

/** Records a failure in {@link lastFailure} and returns `-1`. @internal */
export function fail(position: number, reason: string): -1 {
  lastFailure.position = position;
  lastFailure.reason = reason;
  return -1;
}

/** Returns `value` when it is array-like (has a numeric `length`), else throws a `TypeError` saying `what` it should be. @internal */
export function arrayLikeOf(value: unknown, what: string): ArrayLike<unknown> {
  if (typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number') {
    return value as ArrayLike<unknown>;
  }
  throw new TypeError(`${what}, got ${show(value)}`);
}

/** Describes a value for an error message without throwing on odd inputs. @internal */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const items = Array.from(value as ArrayLike<unknown>, (v) => (typeof v === 'number' ? String(v) : typeof v));
    return `[${items.join(', ')}]`;
  }
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  const text = (value as { toString?: () => string }).toString?.();
  return typeof ctor?.name === 'string' && text !== undefined ? `${ctor.name} ${text}` : 'object';
}
