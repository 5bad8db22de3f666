import { describe, expect, it } from 'vitest';
import { LocalAddress } from '../src/index.js';

describe('LocalAddress', () => {
  it('validates what it is built from', () => {
    expect(() => new LocalAddress(1 as unknown as string)).toThrow(TypeError);
    expect(() => new LocalAddress('/x', 'yes' as unknown as boolean)).toThrow(TypeError);
  });
});
