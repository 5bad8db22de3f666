import { describe, expect, it } from 'vitest';
import { AbortError, abortReason, checkSignal } from '../src/internal.js';

describe('abort helpers', () => {
  it("abortReason is the signal's reason, whatever it is", () => {
    const reason = new Error('stop');
    expect(abortReason(AbortSignal.abort(reason))).toBe(reason);
    expect(abortReason(AbortSignal.abort(42))).toBe(42);
    const byDefault = abortReason(AbortSignal.abort());
    expect(byDefault).toBeInstanceOf(DOMException);
    expect(byDefault).toMatchObject({ name: 'AbortError' });
  });

  it('abortReason is an AbortError (code ABORT_ERR) for a signal without a reason', () => {
    const signal = { aborted: true, reason: undefined } as unknown as AbortSignal;
    const error = abortReason(signal);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', message: 'The operation was aborted' });
  });

  it('AbortError keeps a cause and is recognised across copies by its brand', () => {
    const cause = new Error('why');
    const error = new AbortError('gave up', { cause });
    expect(error.cause).toBe(cause);
    expect({ [Symbol.for('iolib.AbortError')]: true }).toBeInstanceOf(AbortError);
  });

  it('checkSignal accepts undefined and AbortSignals, and rejects anything else with a TypeError', () => {
    expect(() => {
      checkSignal('f', undefined);
    }).not.toThrow();
    expect(() => {
      checkSignal('f', new AbortController().signal);
    }).not.toThrow();
    for (const [value, got] of [
      [null, 'null'],
      [5, 'number'],
      [{ aborted: false }, 'object'],
      ['x', 'string'],
    ] as const) {
      expect(() => {
        checkSignal('f', value);
      }).toThrow(`f: signal must be an AbortSignal, got ${got}`);
      expect(() => {
        checkSignal('f', value);
      }).toThrow(TypeError);
    }
  });
});
