import { describe, expect, it } from 'vitest';
import { checkBytes, checkInteger, checkObject, checkOptionalBoolean, checkPath, checkString } from '../src/check.js';

describe('argument checks', () => {
  it('pass good values', () => {
    checkString('f', 'a', '');
    checkPath('f', 'a', '/etc/hosts');
    checkInteger('f', 'a', 0, 0, 1);
    checkInteger('f', 'a', 1, 0, 1);
    checkOptionalBoolean('f', 'a', undefined);
    checkOptionalBoolean('f', 'a', false);
    checkObject('f', 'a', undefined, true);
    checkObject('f', 'a', {}, false);
    checkBytes('f', 'a', Buffer.alloc(0));
    expect(true).toBe(true);
  });

  it.each([
    [
      () => {
        checkString('f', 'text', 1n);
      },
      new TypeError('f: text must be a string, got 1'),
    ],
    [
      () => {
        checkPath('f', 'path', '');
      },
      new TypeError('f: path must be a file name (a non-empty string without NUL), got ""'),
    ],
    [
      () => {
        checkPath('f', 'path', 'a\0');
      },
      new TypeError('f: path must be a file name (a non-empty string without NUL), got "a\\u0000"'),
    ],
    [
      () => {
        checkInteger('f', 'n', '1', 0, 9);
      },
      new TypeError('f: n must be an integer in 0–9, got "1"'),
    ],
    [
      () => {
        checkInteger('f', 'n', 10, 0, 9);
      },
      new RangeError('f: n must be an integer in 0–9, got 10'),
    ],
    [
      () => {
        checkInteger('f', 'n', Number.NaN, 0, 9);
      },
      new RangeError('f: n must be an integer in 0–9, got NaN'),
    ],
    [
      () => {
        checkOptionalBoolean('f', 'b', null);
      },
      new TypeError('f: b must be a boolean, got null'),
    ],
    [
      () => {
        checkObject('f', 'o', undefined, false);
      },
      new TypeError('f: o must be an object, got undefined'),
    ],
    [
      () => {
        checkObject('f', 'o', [], true);
      },
      new TypeError('f: o must be an object, got an array'),
    ],
    [
      () => {
        checkBytes('f', 'b', new DataView(new ArrayBuffer(1)));
      },
      new TypeError('f: b must be a Uint8Array, got a DataView'),
    ],
    [
      () => {
        checkBytes('f', 'b', () => 1);
      },
      new TypeError('f: b must be a Uint8Array, got a function'),
    ],
  ])('%#: %s', (fn, error) => {
    expect(fn).toThrow(error);
  });
});
