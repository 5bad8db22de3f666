import { describe, expect, it } from 'vitest';
import { isIP, parseAddress, tryParseAddress } from '../src/index.js';

describe('parseAddress, tryParseAddress, isIP', () => {
  it('isIP and tryParseAddress mirror parseAddress', () => {
    expect(isIP('::1')).toBe(6);
    expect(isIP('127.0.0.1')).toBe(4);
    expect(isIP('localhost')).toBe(0);
    expect(isIP(42)).toBe(0);
    expect(tryParseAddress('1::2::3')).toBeNull();
    expect(() => parseAddress('1::2::3')).toThrow(/invalid IP address "1::2::3" at position 4: second "::"/);
  });
});
