/**
 * Argument checks of the public functions: each failure is a `TypeError` (a
 * value of the wrong kind) or `RangeError` (a number out of range) whose
 * message names the function, the argument or option, and the value.
 * Internal; no system call.
 */

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return Array.isArray(value)
    ? 'an array'
    : `a ${typeof value === 'function' ? 'function' : ((value.constructor as { name?: string } | undefined)?.name ?? 'object')}`;
}

/**
 * Throws unless `value` is a string.
 *
 * @param fn - the public function
 * @param what - the argument or option
 * @param value - what was given
 * @throws {TypeError} naming all three
 * @example
 * ```ts
 * checkString('parseHosts', 'text', text);
 * ```
 */
export function checkString(fn: string, what: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${fn}: ${what} must be a string, got ${show(value)}`);
}

/**
 * Throws unless `value` is a file name: a non-empty string without NUL.
 *
 * @param fn - the public function
 * @param what - the argument or option
 * @param value - what was given
 * @throws {TypeError} naming all three
 * @example
 * ```ts
 * checkPath('loadHosts', 'path', path);
 * ```
 */
export function checkPath(fn: string, what: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value === '' || value.includes('\0')) {
    throw new TypeError(`${fn}: ${what} must be a file name (a non-empty string without NUL), got ${show(value)}`);
  }
}

/**
 * Throws unless `value` is an integer in `min`–`max`.
 *
 * @param fn - the public function
 * @param what - the argument or option
 * @param value - what was given
 * @param min - smallest allowed
 * @param max - largest allowed
 * @throws {TypeError} when `value` is not a number; {RangeError} when it is not an integer in range
 * @example
 * ```ts
 * checkInteger('encodeQuery', 'id', spec.id, 0, 0xffff);
 * ```
 */
export function checkInteger(fn: string, what: string, value: unknown, min: number, max: number): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${what} must be an integer in ${min}–${max}, got ${show(value)}`);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${fn}: ${what} must be an integer in ${min}–${max}, got ${value}`);
}

/**
 * Throws unless `value` is a boolean or `undefined`.
 *
 * @param fn - the public function
 * @param what - the option
 * @param value - what was given
 * @throws {TypeError} naming all three
 * @example
 * ```ts
 * checkOptionalBoolean('encodeQuery', 'edns', spec.edns);
 * ```
 */
export function checkOptionalBoolean(fn: string, what: string, value: unknown): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${fn}: ${what} must be a boolean, got ${show(value)}`);
}

/**
 * Throws unless `value` is an object (an options bag, a spec), or `undefined` when `optional`.
 *
 * @param fn - the public function
 * @param what - the argument
 * @param value - what was given
 * @param optional - whether `undefined` is fine
 * @throws {TypeError} naming all three
 * @example
 * ```ts
 * checkObject('lookupHostname', 'options', options, true);
 * ```
 */
export function checkObject(fn: string, what: string, value: unknown, optional: boolean): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${fn}: ${what} must be an object, got ${show(value)}`);
}

/**
 * Throws unless `value` is a `Uint8Array` (a `Buffer` is one).
 *
 * @param fn - the public function
 * @param what - the argument
 * @param value - what was given
 * @throws {TypeError} naming all three
 * @example
 * ```ts
 * checkBytes('decodeMessage', 'bytes', bytes);
 * ```
 */
export function checkBytes(fn: string, what: string, value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${fn}: ${what} must be a Uint8Array, got ${show(value)}`);
}
