import { describe, expect, it } from 'vitest';
import { AddressParseError, parseAddress, parsePrefix, reverseNameToAddress } from '../src/index.js';

describe('AddressParseError', () => {
  it('is branded: instanceof holds for a copy from another install', () => {
    const e = new AddressParseError('IPv4 address', '1.2.3', 5, 'fewer than 4 octets');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AddressParseError');
    expect(e.message).toBe('invalid IPv4 address "1.2.3" at position 5: fewer than 4 octets');
    expect(e.code).toBe('ERR_INVALID_IP_ADDRESS');
    const foreign = Object.assign(new Error('x'), { [Symbol.for('iolib.AddressParseError')]: true });
    expect(foreign).toBeInstanceOf(AddressParseError);
    expect(new Error('x')).not.toBeInstanceOf(AddressParseError);
    expect(null).not.toBeInstanceOf(AddressParseError);
  });

  it.each([
    ['1.2.3.256', (): unknown => parseAddress('1.2.3.256')],
    ['fe80::1%a/b', (): unknown => parseAddress('fe80::1%a/b')],
    ['10.0.0.0/33', (): unknown => parsePrefix('10.0.0.0/33')],
    ['1.in-addr.arpa.x', (): unknown => reverseNameToAddress('1.in-addr.arpa.x')],
  ])("%s: every parse failure carries Node's code and the input", (text, parse) => {
    let caught: unknown;
    try {
      parse();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AddressParseError);
    expect(caught).toMatchObject({ code: 'ERR_INVALID_IP_ADDRESS', input: text });
  });
});
