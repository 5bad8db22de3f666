import { describe, expect, it } from 'vitest';
import { interfaceNameFault } from '../src/index.js';
import { zoneFault } from '../src/interface-name.js';

describe("interfaceNameFault: the kernel's dev_valid_name() on UTF-8 bytes", () => {
  it.each(['lo', 'eth0', 'x'.repeat(15), 'é'.repeat(7) + 'x', 'a\u2003b', '+1', '007', '.a', 'a[b]', '\u016c\u016f', 'a\u0001b'])(
    '%j is a valid name',
    (name) => {
      expect(interfaceNameFault(name)).toBeNull();
    },
  );

  it.each([
    ['', 0, 'an interface name is not empty'],
    ['.', 0, '"." is not an interface name'],
    ['..', 0, '".." is not an interface name'],
    ['x'.repeat(16), 15, 'longer than 15 bytes (IFNAMSIZ - 1)'],
    ['é'.repeat(8), 7, 'longer than 15 bytes (IFNAMSIZ - 1)'],
    ['x'.repeat(14) + '\u{1f600}', 14, 'longer than 15 bytes (IFNAMSIZ - 1)'],
    ['ab/c', 2, '"/" is not allowed in an interface name'],
    ['a:0', 1, '":" is not allowed in an interface name'],
    ['a%d', 1, '"%" is not allowed in an interface name'],
    ['a\0', 1, 'NUL is not allowed in an interface name'],
    ['a b', 1, 'white space is not allowed in an interface name'],
    ['a\tb', 1, 'white space is not allowed in an interface name'],
    ['a\rb', 1, 'white space is not allowed in an interface name'],
    ['a\u00a0', 1, 'its UTF-8 encoding holds the byte 0xA0, white space to the kernel'],
    ['a\u00e0', 1, 'its UTF-8 encoding holds the byte 0xA0, white space to the kernel'],
    ['a\u0800', 1, 'its UTF-8 encoding holds the byte 0xA0, white space to the kernel'],
    ['a\u{1f620}', 1, 'its UTF-8 encoding holds the byte 0xA0, white space to the kernel'],
    ['a\ud800b', 1, 'a lone surrogate has no UTF-8 encoding'],
    ['a\udc00', 1, 'a lone surrogate has no UTF-8 encoding'],
  ])('%j: at %i, %s', (name, position, reason) => {
    expect(interfaceNameFault(name)).toEqual({ position, reason });
  });

  it('takes only strings', () => {
    expect(() => interfaceNameFault(null as unknown as string)).toThrow(
      new TypeError('interfaceNameFault: name must be a string, got null'),
    );
  });
});

describe('zoneFault: an interface index up to 2^32 - 1, or a name', () => {
  it('reads all-digit zones as indexes', () => {
    expect(zoneFault('0')).toBeNull();
    expect(zoneFault('4294967295')).toBeNull();
    expect(zoneFault('0004294967295')).toBeNull();
    expect(zoneFault('4294967296')).toEqual({ position: 0, reason: 'zone index above 4294967295' });
  });

  it('reads other zones as names', () => {
    expect(zoneFault('eth0')).toBeNull();
    expect(zoneFault('-1')).toBeNull();
    expect(zoneFault('a/b')).toEqual({ position: 1, reason: 'invalid zone id: "/" is not allowed in an interface name' });
  });
});
