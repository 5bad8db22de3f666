import { describe, expect, it } from 'vitest';
import { IPv4Address } from '../src/index.js';

describe('IPv4Address', () => {
  it('validates what it is built from', () => {
    expect(() => new IPv4Address(-1)).toThrow(RangeError);
    expect(() => new IPv4Address(1.5)).toThrow(RangeError);
    expect(() => new IPv4Address([1, 2, 3])).toThrow(TypeError);
    expect(() => new IPv4Address('1.2.3.4' as unknown as number)).toThrow(TypeError);
  });
});
