import { describe, expect, it } from 'vitest';
import { recordTypeCode, recordTypeName } from '../src/index.js';

describe('record types', () => {
  it('maps names and codes both ways', () => {
    expect(recordTypeCode('MX')).toBe(15);
    expect(recordTypeCode('type65280')).toBe(65280);
    expect(recordTypeCode(257)).toBe(257);
    expect(recordTypeName(257)).toBe('caa');
    expect(recordTypeName(65280)).toBe('type65280');
    expect(() => recordTypeCode('bogus')).toThrow(TypeError);
    expect(() => recordTypeCode(70000)).toThrow(TypeError);
  });
});
