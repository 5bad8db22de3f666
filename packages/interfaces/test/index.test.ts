import { describe, expect, it } from 'vitest';
import * as interfaces from '../src/index.js';
import { InvalidInterfaceError, UnknownInterfaceError, makeInterface } from '../src/index.js';

/** Values no public function takes where it wants something else. */
const hostile: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null], ['undefined', undefined], ['NaN', Number.NaN], ['1.5', 1.5], ['-1', -1], ['2 ** 53', 2 ** 53],
  ['{}', {}], ['[]', []], ['a symbol', Symbol('s')], ['1n', 1n], ['true', true], ['a function', () => 1],
  ['a Promise', Promise.resolve(1)], ["'+1'", '+1'],
];

/** The errors that say nothing about the call: the engine's own, and Node's raw range errors. */
const RAW = /Cannot read prop|is not a function|is not iterable|Cannot convert|Cannot mix BigInt|"value"/u;

const valid: Readonly<Record<string, readonly unknown[]>> = {
  makeInterface: ['lo', 1], interfaceName: [makeInterface('lo', 1)], interfaceIndex: [makeInterface('lo', 1)],
  lookupInterface: ['lo'], interfaceDetails: ['lo'], decodeInterfaceFlags: [1], interfaceFlagNames: [1], linkTypeName: [1],
};

describe('every public function, given hostile arguments', () => {
  it.each(Object.keys(valid))('%s throws a typed error that names it, never an engine error', (name) => {
    const fn = (interfaces as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    const base = valid[name]!;
    for (let position = 0; position < base.length; position++) {
      for (const [label, value] of hostile) {
        const args = base.slice();
        args[position] = value;
        let error: unknown;
        try {
          fn(...args);
        } catch (e) {
          error = e;
        }
        if (error === undefined) continue;
        const where = `${name}(argument ${position} = ${label})`;
        if (error instanceof UnknownInterfaceError) continue; // a name no interface has, e.g. '+1'
        expect(error instanceof TypeError || error instanceof RangeError, where).toBe(true);
        const message = (error as Error).message;
        expect(message, where).not.toMatch(RAW);
        expect(message, where).toContain(name);
      }
    }
  });

  it('names the function first in an InvalidInterfaceError', () => {
    expect(() => interfaces.interfaceDetails(-1)).toThrow(new InvalidInterfaceError('index', -1, 'must be an integer from 0 to 4294967295', 'ERR_INVALID_ARG_VALUE', 'interfaceDetails'));
    expect(() => interfaces.decodeInterfaceFlags(null as unknown as number)).toThrow('decodeInterfaceFlags: bits must be a number, got null');
    expect(() => interfaces.linkTypeName(65536)).toThrow('linkTypeName: hardwareType must be an integer from 0 to 65535, got 65536');
  });
});
