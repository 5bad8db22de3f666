/**
 * Brand-based `instanceof` for the socket class hierarchy. The manual's classes
 * form a multiple-inheritance lattice (`SocketStreamInternetActive` is an
 * `ActiveSocket`, a `StreamSocket`, an `InternetSocket` and a `Socket`), which
 * JavaScript's single prototype chain cannot express: each class name is a
 * `Symbol.for('iolib.<Name>')` brand on the concrete prototypes, and every class
 * checks its brand in `Symbol.hasInstance`, which also survives duplicate installs.
 */

/** The brand symbol of a class name. */
export function brandOf(name: string): symbol {
  return Symbol.for(`iolib.${name}`);
}

/** Does `value` carry the brand of class `name`? */
export function hasBrand(value: unknown, name: string): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as Record<symbol, unknown>)[brandOf(name)] === true
  );
}

/**
 * Mark `cls` (a concrete class) with the brands of every class in its precedence
 * list, and make `instanceof cls` brand-based.
 *
 * @param cls - the concrete class
 * @param names - its class precedence list, most specific first
 * @example
 * ```ts
 * brandClass(SocketStreamLocalActive, ['SocketStreamLocalActive', 'ActiveSocket', 'StreamSocket', 'LocalSocket', 'Socket']);
 * ```
 */
export function brandClass(cls: abstract new (...args: never[]) => unknown, names: readonly string[]): void {
  for (const name of names) Object.defineProperty(cls.prototype, brandOf(name), { value: true });
  const own = brandOf(names[0] ?? cls.name);
  Object.defineProperty(cls, Symbol.hasInstance, {
    value: (value: unknown): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[own] === true,
  });
}

/** An abstract class of the lattice: a constructor that cannot be called, with brand-based `instanceof`. */
export interface AbstractSocketClass<T> {
  readonly name: string;
  [Symbol.hasInstance](value: unknown): value is T;
}

/**
 * Make the abstract class `name` (`'StreamSocket'`).
 *
 * @param name - the class name
 * @returns a function that throws when called, and whose `instanceof` checks the brand
 * @example
 * ```ts
 * const StreamSocket = abstractClass<StreamSocketType>('StreamSocket');
 * ```
 */
export function abstractClass<T>(name: string): AbstractSocketClass<T> {
  const brand = brandOf(name);
  const ctor = {
    [name]: function (): never {
      throw new TypeError(`${name} is an abstract socket class: make sockets with makeSocket, makeSocketPair or makeSocketFromFd`);
    },
  }[name];
  Object.defineProperty(ctor, Symbol.hasInstance, {
    value: (value: unknown): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true,
  });
  return ctor as unknown as AbstractSocketClass<T>;
}
