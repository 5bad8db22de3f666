/**
 * The errors of interface lookups: {@link UnknownInterfaceError} (IOLib's
 * `unknown-interface`, an `ENXIO` system-call error) when no interface has the
 * name or index, and {@link InvalidInterfaceError} when the input cannot name an
 * interface at all.
 */
import { brandClass } from '@iolib/address/internal';
import { SyscallError } from '@iolib/syscalls';

const ENXIO = 6;

/**
 * Describes a value for an error message without throwing on odd inputs.
 *
 * @param value - anything
 * @returns short text: strings quoted, bigints with `n`, objects by kind
 * @example
 * ```ts
 * show('eth0'); // '"eth0"'
 * ```
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * No network interface has the given name or index (IOLib's `unknown-interface`,
 * whose class precedence list runs through `enxio` and `syscall-error`). It is a
 * {@link SyscallError} with `code: 'ENXIO'`, `errno: 6` and `syscall` naming the
 * lookup that failed (`'if_nametoindex'` or `'if_indextoname'`); `datum` is the
 * input exactly as given (IOLib's `unknown-interface-datum`).
 *
 * `instanceof UnknownInterfaceError` holds across duplicate installs of this package.
 *
 * @example
 * ```ts
 * try { lookupInterface('eth9') } catch (e) {
 *   if (e instanceof UnknownInterfaceError) console.log(e.code, e.datum); // 'ENXIO' 'eth9'
 * }
 * ```
 */
export class UnknownInterfaceError extends SyscallError {
  /** Always `'ENXIO'`. */
  declare readonly code: 'ENXIO';
  /** The name or index that named no interface, as given. */
  readonly datum: string | number;

  /**
   * @param datum - the name or index that was looked up
   * @param syscall - the libc call that found nothing
   */
  constructor(datum: string | number, syscall: 'if_nametoindex' | 'if_indextoname') {
    super(syscall, ENXIO, { detail: show(datum) });
    this.name = 'UnknownInterfaceError';
    this.message = `unknown network interface ${show(datum)} (${syscall} ENXIO)`;
    this.datum = datum;
  }
}
brandClass(UnknownInterfaceError, 'UnknownInterfaceError');

/**
 * The input cannot name a network interface at all: not a string or number, a
 * negative or fractional index, an empty name, a name longer than 15 bytes
 * (`IFNAMSIZ - 1`), or one with characters Linux forbids (`/`, `:`, NUL, white
 * space, or `.` / `..`). A `TypeError` with Node's `code`
 * (`'ERR_INVALID_ARG_TYPE'` or `'ERR_INVALID_ARG_VALUE'`), the argument's name in
 * `argument` and the input in `datum`.
 *
 * `instanceof InvalidInterfaceError` holds across duplicate installs of this package.
 *
 * @example
 * ```ts
 * try { lookupInterface(-1) } catch (e) {
 *   if (e instanceof InvalidInterfaceError) console.log(e.message);
 *   // 'invalid interface index -1: must be an integer from 0 to 4294967295'
 * }
 * ```
 */
export class InvalidInterfaceError extends TypeError {
  /** `'ERR_INVALID_ARG_TYPE'` for a value of the wrong type, else `'ERR_INVALID_ARG_VALUE'`. */
  readonly code: 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE';
  /** The offending input, as given. */
  readonly datum: unknown;
  /** The parameter that received it (`'name'`, `'index'`, `'nameOrIndex'`, `'iface'`). */
  readonly argument: string;

  /**
   * @param argument - the parameter that received the input
   * @param datum - the input
   * @param reason - what is wrong with it
   * @param code - Node's error code for it
   * @param fn - the function that was called, named first in the message
   */
  constructor(
    argument: string,
    datum: unknown,
    reason: string,
    code: 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE' = 'ERR_INVALID_ARG_VALUE',
    fn?: string,
  ) {
    super(`${fn === undefined ? '' : `${fn}: `}invalid interface ${argument} ${show(datum)}: ${reason}`);
    this.name = 'InvalidInterfaceError';
    this.code = code;
    this.datum = datum;
    this.argument = argument;
  }
}
brandClass(InvalidInterfaceError, 'InvalidInterfaceError');
