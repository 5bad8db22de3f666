/**
 * Brand-based `instanceof` for the classes of every iolib package: a class is
 * marked with a `Symbol.for('iolib.<Name>')` brand on its prototype, and its
 * `Symbol.hasInstance` checks that brand instead of the prototype chain, so
 * `instanceof` holds across duplicate installs of a package (two copies of one
 * class share the registry symbol, never the prototype).
 *
 * @internal shared by the iolib packages through `@iolib/address/internal`; not public API
 */

/**
 * The brand symbol of a class name.
 *
 * @param name - the class name, `'SyscallError'`
 * @returns `Symbol.for('iolib.' + name)`
 * @example
 * ```ts
 * brandSymbol('PollError') === Symbol.for('iolib.PollError'); // true
 * ```
 */
export function brandSymbol(name: string): symbol {
  return Symbol.for(`iolib.${name}`);
}

/**
 * Does `value` carry the brand of class `name`?
 *
 * @param value - anything
 * @param name - the class name
 * @returns true for an object (or function) whose prototype chain has the brand
 * @example
 * ```ts
 * hasBrand(new PollError(3, 'POLLERR'), 'PollError'); // true
 * ```
 */
export function hasBrand(value: unknown, name: string): boolean {
  return isBranded(value, brandSymbol(name));
}

function isBranded(value: unknown, brand: symbol): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * Make `instanceof target` check the brand of class `name` (for a class, or
 * for a constructor-like object that stands for an abstract class).
 *
 * @param target - the function `instanceof` is used with
 * @param name - the brand to check
 * @example
 * ```ts
 * brandCheck(StreamSocket, 'StreamSocket');
 * ```
 */
export function brandCheck(target: object, name: string): void {
  const brand = brandSymbol(name);
  Object.defineProperty(target, Symbol.hasInstance, { value: (value: unknown): boolean => isBranded(value, brand) });
}

/**
 * Brand a class: its prototype carries the brand of `name` (and of each of
 * `also`, the classes it counts as an instance of besides its own), and
 * `instanceof cls` checks the brand of `name`. Subclasses inherit both; a
 * subclass branded itself gets its own check.
 *
 * @param cls - the class
 * @param name - its name (given as text: minifiers rename classes)
 * @param also - further brands for its prototype (a class precedence list)
 * @example
 * ```ts
 * export class PollError extends Error { … }
 * brandClass(PollError, 'PollError');
 * ```
 */
export function brandClass(cls: abstract new (...args: never[]) => unknown, name: string, also: readonly string[] = []): void {
  for (const n of [name, ...also]) Object.defineProperty(cls.prototype, brandSymbol(n), { value: true });
  brandCheck(cls, name);
}
