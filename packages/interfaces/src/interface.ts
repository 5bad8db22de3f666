/**
 * Manual §2.7: interface values (`name` + `index`), their constructor and
 * accessors, the list of interfaces, and lookups by name or index.
 */
import { interfaceNameFault } from '@iolib/address';
import { indexToName, listIfNameIndex, nameToIndex } from '@iolib/syscalls';
import { InvalidInterfaceError, UnknownInterfaceError, show } from './errors.js';

/** Longest interface name in bytes (`IFNAMSIZ - 1`). */
export const MAX_INTERFACE_NAME_BYTES = 15;
/** Largest interface index the kernel hands out (`ifindex` is a positive C `int`). */
export const MAX_INTERFACE_INDEX = 0x7fffffff;
/** Largest value `if_indextoname(3)` accepts (`unsigned int`). */
const MAX_LOOKUP_INDEX = 0xffffffff;

/**
 * A network interface as IOLib sees it: its name and its OS index (IOLib's
 * `(name . index)` cons). Values made here are frozen, and `String(iface)` is
 * `'lo (index 1)'`; `util.inspect` shows `{ name: 'lo', index: 1 }`.
 */
export interface Interface {
  /** The interface name, for example `'lo'` or `'eth0'`. */
  readonly name: string;
  /** The OS index, ≥ 1. */
  readonly index: number;
  /** `'lo (index 1)'` for values made by this package. */
  toString(): string;
}

/** `'lo (index 1)'`: the `toString` of every interface value. */
function interfaceText(this: Interface): string {
  return `${this.name} (index ${String(this.index)})`;
}

/**
 * Gives an interface value (or its details) a `toString` (`'lo (index 1)'`),
 * not enumerable, so `util.inspect`, JSON and `toEqual` still see only the
 * data, and freezes it. @internal
 */
export function interfaceValue<T extends Interface>(value: T): T {
  return Object.freeze(Object.defineProperty(value, 'toString', { value: interfaceText }));
}

const freeze = (name: string, index: number): Interface => interfaceValue({ name, index });

/**
 * Checks that `name` can name a Linux interface (the kernel's `dev_valid_name`,
 * as `@iolib/address`'s `interfaceNameFault` applies it): 1 to 15 bytes of
 * UTF-8, not `.` or `..`, without `/`, `:`, `%`, NUL or white space.
 *
 * @param name - the value to check
 * @param argument - the parameter name used in the error
 * @returns `name`, typed as a string
 * @throws {InvalidInterfaceError} naming what is wrong
 * @example
 * ```ts
 * checkInterfaceName('eth0'); // 'eth0'
 * checkInterfaceName('');     // throws: invalid interface name "": must not be empty
 * ```
 */
export function checkInterfaceName(name: unknown, argument = 'name', fn?: string): string {
  if (typeof name !== 'string') {
    throw new InvalidInterfaceError(argument, name, 'must be a string', 'ERR_INVALID_ARG_TYPE', fn);
  }
  if (name.length === 0) throw new InvalidInterfaceError(argument, name, 'must not be empty', 'ERR_INVALID_ARG_VALUE', fn);
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_INTERFACE_NAME_BYTES) {
    throw new InvalidInterfaceError(
      argument,
      name,
      `is ${bytes} bytes long, Linux allows at most ${MAX_INTERFACE_NAME_BYTES} (IFNAMSIZ - 1)`,
    );
  }
  const fault = interfaceNameFault(name);
  if (fault !== null)
    throw new InvalidInterfaceError(argument, name, `${fault.reason} (at position ${fault.position})`, 'ERR_INVALID_ARG_VALUE', fn);
  return name;
}

/** Checks an index given to a lookup: an integer from 0 to 2³² − 1. */
function checkLookupIndex(index: number, datum: string | number, fn: string): number {
  if (!Number.isInteger(index) || index < 0 || index > MAX_LOOKUP_INDEX) {
    throw new InvalidInterfaceError('index', datum, `must be an integer from 0 to ${MAX_LOOKUP_INDEX}`, 'ERR_INVALID_ARG_VALUE', fn);
  }
  return index;
}

/**
 * Make an interface value from a name and an index, without asking the kernel
 * (IOLib's `make-interface`). Use {@link lookupInterface} to get a real one.
 *
 * @param name - the interface name (1 to 15 bytes, no `/`, `:`, NUL or white space)
 * @param index - the OS index, an integer from 1 to 2³¹ − 1
 * @returns a frozen `{ name, index }`
 * @throws {InvalidInterfaceError} when the name or the index is malformed
 * @example
 * ```ts
 * const lo = makeInterface('lo', 1);
 * interfaceName(lo); // 'lo'
 * ```
 */
export function makeInterface(name: string, index: number): Interface {
  checkInterfaceName(name, 'name', 'makeInterface');
  if (typeof index !== 'number') {
    throw new InvalidInterfaceError('index', index, 'must be a number', 'ERR_INVALID_ARG_TYPE', 'makeInterface');
  }
  if (!Number.isInteger(index) || index < 1 || index > MAX_INTERFACE_INDEX) {
    throw new InvalidInterfaceError(
      'index',
      index,
      `must be an integer from 1 to ${MAX_INTERFACE_INDEX}`,
      'ERR_INVALID_ARG_VALUE',
      'makeInterface',
    );
  }
  return freeze(name, index);
}

function checkInterface(iface: unknown, fn: string): Interface {
  if (
    typeof iface !== 'object' ||
    iface === null ||
    typeof (iface as Partial<Interface>).name !== 'string' ||
    typeof (iface as Partial<Interface>).index !== 'number'
  ) {
    throw new InvalidInterfaceError('iface', iface, 'must be an interface value { name, index }', 'ERR_INVALID_ARG_TYPE', fn);
  }
  return iface as Interface;
}

/**
 * The name of an interface value (IOLib's `interface-name`).
 *
 * @param iface - an interface value
 * @returns its name
 * @throws {InvalidInterfaceError} when `iface` is not an interface value
 * @example
 * ```ts
 * interfaceName(lookupInterface(1)); // 'lo'
 * ```
 */
export function interfaceName(iface: Interface): string {
  return checkInterface(iface, 'interfaceName').name;
}

/**
 * The OS index of an interface value (IOLib's `interface-index`).
 *
 * @param iface - an interface value
 * @returns its index
 * @throws {InvalidInterfaceError} when `iface` is not an interface value
 * @example
 * ```ts
 * interfaceIndex(lookupInterface('lo')); // 1
 * ```
 */
export function interfaceIndex(iface: Interface): number {
  return checkInterface(iface, 'interfaceIndex').index;
}

/**
 * The network interfaces currently available, in the kernel's order (ascending
 * index), each as `{ name, index }` (IOLib's `list-network-interfaces`). Interfaces
 * without any address are included. Calls `if_nameindex(3)`.
 *
 * @returns the interfaces
 * @throws {SyscallError} when `if_nameindex` fails (out of memory or file descriptors)
 * @example
 * ```ts
 * listNetworkInterfaces(); // [{ name: 'lo', index: 1 }, { name: 'eth0', index: 2 }]
 * ```
 */
export function listNetworkInterfaces(): Interface[] {
  return listIfNameIndex().map((e) => freeze(e.name, e.index));
}

/**
 * Look an interface up by name, by index, or by a plain decimal string taken as
 * an index (`'1'`, as IOLib's `lookup-interface` does): digits only, no sign, no
 * leading zero except in `'0'`. Any other string is a name, so `'+1'`, `'-1'`
 * and `'007'` are looked up as names (the kernel allows them as names), and an
 * interface whose name is a plain decimal can only be found by its index. Calls
 * `if_nametoindex(3)` for a name and `if_indextoname(3)` for an index.
 *
 * @param nameOrIndex - an interface name, an index (integer ≥ 0), or a plain decimal string
 * @returns a fresh frozen `{ name, index }`
 * @throws {UnknownInterfaceError} (`code: 'ENXIO'`, `datum`: the input) when no interface matches; index 0 never does
 * @throws {InvalidInterfaceError} for a negative, fractional or too large index, a name Linux forbids (empty, too long, `/`, `:`, white space…), or a value that is neither string nor number
 * @throws {SyscallError} when the lookup itself fails (for example `EMFILE`)
 * @example
 * ```ts
 * lookupInterface('lo');    // { name: 'lo', index: 1 }
 * lookupInterface(1);       // { name: 'lo', index: 1 }
 * lookupInterface('1');     // { name: 'lo', index: 1 }
 * lookupInterface('00001'); // UnknownInterfaceError: unknown network interface "00001" (if_nametoindex ENXIO)
 * ```
 */
export function lookupInterface(nameOrIndex: string | number): Interface {
  return lookup(nameOrIndex, 'lookupInterface');
}

/** {@link lookupInterface}, with errors naming `fn`. @internal */
export function lookup(nameOrIndex: unknown, fn: string): Interface {
  if (typeof nameOrIndex === 'number') return byIndex(checkLookupIndex(nameOrIndex, nameOrIndex, fn), nameOrIndex);
  if (typeof nameOrIndex !== 'string') {
    throw new InvalidInterfaceError(
      'nameOrIndex',
      nameOrIndex,
      `must be a name or an index, not ${show(nameOrIndex)}`,
      'ERR_INVALID_ARG_TYPE',
      fn,
    );
  }
  if (PLAIN_DECIMAL.test(nameOrIndex)) {
    return byIndex(checkLookupIndex(Number(nameOrIndex), nameOrIndex, fn), nameOrIndex);
  }
  const name = checkInterfaceName(nameOrIndex, 'name', fn);
  const index = nameToIndex(name);
  if (index === 0) throw new UnknownInterfaceError(nameOrIndex, 'if_nametoindex');
  return freeze(name, index);
}

/** An index as text: decimal digits, no sign, no leading zero (but `'0'`). */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]*)$/u;

function byIndex(index: number, datum: string | number): Interface {
  const name = index === 0 ? null : indexToName(index);
  if (name === null) throw new UnknownInterfaceError(datum, 'if_indextoname');
  return freeze(name, index);
}
