import { describe, expect, it } from 'vitest';
import {
  DnsFormatError,
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
