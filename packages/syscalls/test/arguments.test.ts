import { describe, expect, it } from 'vitest';
import { checkFd, checkSeconds } from '../src/internal.js';

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('checkFd', () => {
  it('accepts 0 to 2147483647', () => {
    for (const fd of [0, 3, 0x7fffffff])
      expect(() => {
        checkFd('f', fd);
      }).not.toThrow();
  });

  it.each([
    [-1, RangeError, 'ERR_OUT_OF_RANGE', 'f: fd must be an integer from 0 to 2147483647, got -1'],
    [1.5, RangeError, 'ERR_OUT_OF_RANGE', 'f: fd must be an integer from 0 to 2147483647, got 1.5'],
    [2 ** 31, RangeError, 'ERR_OUT_OF_RANGE', 'f: fd must be an integer from 0 to 2147483647, got 2147483648'],
    [Number.NaN, RangeError, 'ERR_OUT_OF_RANGE', 'f: fd must be an integer from 0 to 2147483647, got NaN'],
    ['3', TypeError, 'ERR_INVALID_ARG_TYPE', 'f: fd must be an integer from 0 to 2147483647, got "3"'],
    [3n, TypeError, 'ERR_INVALID_ARG_TYPE', 'f: fd must be an integer from 0 to 2147483647, got 3n'],
    [null, TypeError, 'ERR_INVALID_ARG_TYPE', 'f: fd must be an integer from 0 to 2147483647, got null'],
  ])('rejects %s with %s naming the function and the value', (fd, type, code, message) => {
    const error = thrown(() => {
      checkFd('f', fd);
    });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, message });
  });

  it('names the argument when it is not called fd', () => {
    expect(() => {
      checkFd('encodeRights', -2, 'fds[0]');
    }).toThrow('encodeRights: fds[0] must be an integer from 0 to 2147483647, got -2');
  });
});

describe('checkSeconds', () => {
  it('accepts finite numbers ≥ 0, fractions included', () => {
    for (const s of [0, 0.001, 1.5, 1e9])
      expect(() => {
        checkSeconds('f', 'timeout', s);
      }).not.toThrow();
  });

  it.each([
    [-1, RangeError, 'ERR_OUT_OF_RANGE', 'f: timeout must be a finite number of seconds ≥ 0, got -1'],
    [-0.5, RangeError, 'ERR_OUT_OF_RANGE', 'f: timeout must be a finite number of seconds ≥ 0, got -0.5'],
    [Number.NaN, RangeError, 'ERR_OUT_OF_RANGE', 'f: timeout must be a finite number of seconds ≥ 0, got NaN'],
    [Infinity, RangeError, 'ERR_OUT_OF_RANGE', 'f: timeout must be a finite number of seconds ≥ 0, got Infinity'],
    ['1', TypeError, 'ERR_INVALID_ARG_TYPE', 'f: timeout must be a number of seconds, got "1"'],
    [undefined, TypeError, 'ERR_INVALID_ARG_TYPE', 'f: timeout must be a number of seconds, got undefined'],
  ])('rejects %s with %s naming the function, the option and the value', (value, type, code, message) => {
    const error = thrown(() => {
      checkSeconds('f', 'timeout', value);
    });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, message });
  });
});
