/**
 * Test helper: call a public function with one hostile argument at a time, the
 * others valid, to check that it fails with an error of its own (naming itself
 * and the argument), never with an engine error such as "Cannot read properties
 * of null".
 */

/** Values no public function takes where it wants something else. */
export const HOSTILE: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['NaN', Number.NaN],
  ['1.5', 1.5],
  ['-1', -1],
  ['2 ** 53', 2 ** 53],
  ['{}', {}],
  ['[]', []],
  ['a symbol', Symbol('s')],
  ['1n', 1n],
  ['true', true],
  ['a function', () => 1],
  ['a Promise', Promise.resolve(1)],
  ['{ length: 1e9 }', { length: 1e9 }],
  ["'+1'", '+1'],
];

/** The messages of errors that say nothing about the call: the engine's own, and Node's raw range errors. */
export const ENGINE_ERROR =
  /Cannot read prop|is not a function|is not iterable|Cannot convert|Cannot mix BigInt|Invalid array length|serialize a BigInt|"value"/u;

/** One call with a hostile argument, and what it threw (`undefined` when it returned). */
export interface HostileCall {
  /** `name(argument 1 = null)`, for assertion messages. */
  readonly where: string;
  /** The position made hostile. */
  readonly position: number;
  /** What was thrown, or `undefined`. */
  readonly error: unknown;
}

/**
 * Calls `fn` once per position of `valid` and per hostile value, with that
 * position replaced, as a constructor when `construct` is set.
 */
export function callWithHostile(
  name: string,
  fn: (...args: unknown[]) => unknown,
  valid: readonly unknown[],
  construct = false,
): HostileCall[] {
  const calls: HostileCall[] = [];
  for (let position = 0; position < valid.length; position++) {
    for (const [label, value] of HOSTILE) {
      const args = valid.slice();
      args[position] = value;
      let error: unknown;
      try {
        if (construct) Reflect.construct(fn, args);
        else fn(...args);
      } catch (e) {
        error = e;
      }
      calls.push({ where: `${name}(argument ${position} = ${label})`, position, error });
    }
  }
  return calls;
}
