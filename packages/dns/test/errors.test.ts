import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DnsFormatError,
  type ResolverAgainCode,
  type ResolverErrorCode,
  type ResolverFailCode,
  type ResolverNoNameCode,
  ResolverAgainError,
  ResolverError,
  ResolverFailError,
  ResolverNoNameError,
  ResolverUnknownError,
  UnknownProtocolError,
  UnknownServiceError,
} from '../src/index.js';

describe('error classes', () => {
  it.each([
    [ResolverAgainError, 'EAI_AGAIN', 'Temporary failure occurred while resolving: "x.test"'],
    [ResolverFailError, 'ESERVFAIL', 'Non recoverable error occurred while resolving: "x.test"'],
    [ResolverNoNameError, 'ENOTFOUND', 'Host or service not found: "x.test"'],
    [ResolverUnknownError, 'EBADRESP', 'Unknown error while resolving: "x.test"'],
  ] as const)('%o carries datum, code and message', (Cls, code, message) => {
    const e = new Cls('x.test');
    expect(e).toBeInstanceOf(Cls);
    expect(e).toBeInstanceOf(ResolverError);
    expect(e).toBeInstanceOf(Error);
    expect([e.datum, e.code, e.hostname, e.message, e.name]).toEqual(['x.test', code, 'x.test', message, Cls.name]);
  });

  it('keeps subclasses apart and honours a code and detail', () => {
    const e = new ResolverFailError('y', { code: 'EREFUSED', detail: 'REFUSED from every name server' });
    expect(e).not.toBeInstanceOf(ResolverNoNameError);
    expect(e.code).toBe('EREFUSED');
    expect(e.message).toBe('Non recoverable error occurred while resolving: "y" (REFUSED from every name server)');
    expect(new ResolverError('z', 'm')).not.toBeInstanceOf(ResolverAgainError);
  });

  it('types each class with the codes it can carry, a literal union of Node-style codes', () => {
    expectTypeOf<ResolverError['code']>().toEqualTypeOf<ResolverErrorCode>();
    expectTypeOf<ResolverAgainError['code']>().toEqualTypeOf<ResolverAgainCode>();
    expectTypeOf<ResolverAgainCode>().toEqualTypeOf<'EAI_AGAIN' | 'ECANCELLED'>();
    expectTypeOf<ResolverFailError['code']>().toEqualTypeOf<ResolverFailCode>();
    expectTypeOf<ResolverFailCode>().toEqualTypeOf<'ESERVFAIL' | 'EREFUSED' | 'EFORMERR' | 'ENOTIMP' | 'EBADRESP'>();
    expectTypeOf<ResolverNoNameError['code']>().toEqualTypeOf<ResolverNoNameCode>();
    expectTypeOf<ResolverNoNameCode>().toEqualTypeOf<'ENOTFOUND' | 'ENODATA' | 'EBADNAME'>();
    expectTypeOf<ResolverUnknownError['code']>().toEqualTypeOf<'EBADRESP'>();
    expectTypeOf<ResolverErrorCode>().toEqualTypeOf<ResolverAgainCode | ResolverFailCode | ResolverNoNameCode | 'EUNKNOWN'>();
    expectTypeOf<DnsFormatError['code']>().toEqualTypeOf<'EBADRESP'>();
    expectTypeOf<UnknownServiceError['code']>().toEqualTypeOf<'ENOTFOUND'>();
    expectTypeOf<UnknownProtocolError['code']>().toEqualTypeOf<'ENOTFOUND'>();
    // A code a class never carries does not compile.
    // @ts-expect-error 'ENOTFOUND' is a no-name code, not a failure
    expect(() => new ResolverFailError('x', { code: 'ENOTFOUND' })).not.toThrow();
    expect(new ResolverError('x', 'm').code).toBe('EUNKNOWN');
  });

  it('recognises instances of a duplicate copy by brand', () => {
    const foreign = Object.create({ [Symbol.for('iolib.ResolverError')]: true, [Symbol.for('iolib.ResolverNoNameError')]: true }) as object;
    expect(foreign).toBeInstanceOf(ResolverError);
    expect(foreign).toBeInstanceOf(ResolverNoNameError);
    expect(foreign).not.toBeInstanceOf(ResolverFailError);
    expect({}).not.toBeInstanceOf(ResolverError);
    expect(null).not.toBeInstanceOf(DnsFormatError);
  });

  it('UnknownServiceError and UnknownProtocolError are real Errors with the datum', () => {
    const s = new UnknownServiceError('nope', 'tcp');
    const p = new UnknownProtocolError(999);
    expect(s).toBeInstanceOf(Error);
    expect(p).toBeInstanceOf(Error);
    expect([s.datum, s.message, p.datum, p.message]).toEqual([
      'nope',
      'Unknown service: "nope" (protocol tcp)',
      999,
      'Unknown protocol: 999',
    ]);
  });

  it('DnsFormatError names the offset', () => {
    const e = new DnsFormatError('bad pointer', 17);
    expect([e.message, e.offset, e.code]).toEqual(['bad pointer (at byte 17)', 17, 'EBADRESP']);
  });
});
