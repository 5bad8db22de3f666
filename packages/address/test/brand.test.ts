import { describe, expect, it } from 'vitest';
import { brandCheck, brandClass, brandSymbol, hasBrand } from '../src/internal.js';
import { AddressParseError } from '../src/index.js';

describe('brand helpers', () => {
  it('make instanceof hold across two copies of a class, and along extra brands', () => {
    class CopyA extends Error {}
    class CopyB extends Error {}
    class Other {}
    brandClass(CopyA, 'TestBrandedError', ['TestBase']);
    brandClass(CopyB, 'TestBrandedError');
    expect(new CopyB()).toBeInstanceOf(CopyA);
    expect(new CopyA()).toBeInstanceOf(CopyB);
    expect(new Other()).not.toBeInstanceOf(CopyA);
    expect(hasBrand(new CopyA(), 'TestBase')).toBe(true);
    expect(hasBrand(new CopyB(), 'TestBase')).toBe(false);
    expect(brandSymbol('TestBase')).toBe(Symbol.for('iolib.TestBase'));
  });

  it('let a subclass inherit the brand, or check its own', () => {
    class Base extends Error {}
    brandClass(Base, 'TestBaseError');
    class Plain extends Base {}
    class Own extends Base {}
    brandClass(Own, 'TestOwnError');
    expect(new Plain()).toBeInstanceOf(Base);
    expect(new Own()).toBeInstanceOf(Base);
    expect(new Own()).toBeInstanceOf(Own);
    expect(new Base()).not.toBeInstanceOf(Own);
  });

  it('answer false for primitives, null and unbranded objects, and brand abstract stand-ins', () => {
    for (const v of [null, undefined, 0, 'TestBase', Symbol.for('iolib.TestBase'), {}]) expect(hasBrand(v, 'TestBase')).toBe(false);
    const Abstract = function Abstract(): never {
      throw new TypeError('abstract');
    };
    brandCheck(Abstract, 'TestAbstract');
    const value = { [brandSymbol('TestAbstract')]: true };
    expect(value instanceof Abstract).toBe(true);
    expect({} instanceof Abstract).toBe(false);
  });

  it('brand AddressParseError, so a copy of the package recognises it', () => {
    class Copy extends Error {}
    brandClass(Copy, 'AddressParseError');
    const e = new AddressParseError('IPv4 address', '1.2.3', 5, 'too short');
    expect(e).toBeInstanceOf(Copy);
    expect(new Copy()).toBeInstanceOf(AddressParseError);
  });
});
