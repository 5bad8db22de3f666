import { describe, expect, it } from 'vitest';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE, parsePrefix } from '../src/index.js';

describe('the special-purpose tables', () => {
  it('every table row is frozen, cites an RFC and names a valid prefix', () => {
    for (const e of [...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE]) {
      expect(Object.isFrozen(e)).toBe(true);
      expect(e.rfc).toMatch(/^RFC \d+/);
      expect(parsePrefix(e.prefix).equals(parsePrefix(parsePrefix(e.prefix).toString()))).toBe(true);
    }
    expect(Object.isFrozen(IPV4_SPECIAL_PURPOSE)).toBe(true);
    expect(IPV4_SPECIAL_PURPOSE).toHaveLength(26);
    expect(IPV6_SPECIAL_PURPOSE).toHaveLength(25);
  });
});
