/**
 * Interface designators of socket operations (`joinGroup`'s `interface`, the
 * `multicastInterface` option): a name or an index, as an index.
 */
import { nameToIndex } from './sys.js';

/**
 * An interface name or index as an index.
 *
 * @param value - a name (`'eth0'`) or an index (0 = none: the kernel picks by route)
 * @param what - the operation or option, for errors
 * @returns the index
 * @throws {TypeError} for an unknown name or a value of another type; {RangeError} for a bad index
 * @example
 * ```ts
 * interfaceIndex('lo', 'joinGroup'); // 1
 * ```
 */
export function interfaceIndex(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
      throw new RangeError(`${what}: interface ${value} is not an interface index`);
    return value;
  }
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`${what}: interface must be an interface name or index, got ${typeof value}`);
  const index = nameToIndex(value);
  if (index === 0) throw new TypeError(`${what}: there is no interface named "${value}"`);
  return index;
}
