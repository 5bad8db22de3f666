import { describe, expect, it } from 'vitest';
import * as interfaces from '../src/index.js';
import { InvalidInterfaceError, UnknownInterfaceError, makeInterface } from '../src/index.js';
import { ENGINE_ERROR, callWithHostile } from '../../../test-support/hostile.js';

const valid: Readonly<Record<string, readonly unknown[]>> = {
  makeInterface: ['lo', 1],
  interfaceName: [makeInterface('lo', 1)],
  interfaceIndex: [makeInterface('lo', 1)],
  lookupInterface: ['lo'],
  interfaceDetails: ['lo'],
  decodeInterfaceFlags: [1],
  interfaceFlagNames: [1],
  linkTypeName: [1],
};

describe('every public function, given hostile arguments', () => {
  it.each(Object.keys(valid))('%s throws a typed error that names it, never an engine error', (name) => {
    const fn = (interfaces as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    for (const { where, error } of callWithHostile(name, fn, valid[name]!)) {
      if (error === undefined || error instanceof UnknownInterfaceError) continue; // UnknownInterfaceError: a name no interface has, e.g. '+1'
      expect(error instanceof TypeError || error instanceof RangeError, where).toBe(true);
      const message = (error as Error).message;
      expect(message, where).not.toMatch(ENGINE_ERROR);
      expect(message, where).toContain(name);
    }
  });

  it('names the function first in an InvalidInterfaceError', () => {
    expect(() => interfaces.interfaceDetails(-1)).toThrow(
      new InvalidInterfaceError('index', -1, 'must be an integer from 0 to 4294967295', 'ERR_INVALID_ARG_VALUE', 'interfaceDetails'),
    );
    expect(() => interfaces.decodeInterfaceFlags(null as unknown as number)).toThrow(
      'decodeInterfaceFlags: bits must be a number, got null',
    );
    expect(() => interfaces.linkTypeName(65536)).toThrow('linkTypeName: hardwareType must be an integer from 0 to 65535, got 65536');
  });
});
