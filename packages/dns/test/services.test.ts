import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupService, parseServices, UnknownServiceError } from '../src/index.js';
import { fixture, scratchDir } from './config-files.js';

const tmp = scratchDir();

describe('lookupService', () => {
  const servicesFile = fixture('services');
  it.each([
    ['http', 'tcp', { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }],
    ['www', 'tcp', { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }],
    [443, 'udp', { port: 443, name: 'https', protocol: 'udp', aliases: [] }],
    ['53', 'udp', { port: 53, name: 'domain', protocol: 'udp', aliases: [] }],
    ['cust', 'any', { port: 25877, name: 'custom', protocol: 'udp', aliases: ['cust'] }],
    ['sctponly', 'any', { port: 9999, name: 'sctponly', protocol: 'sctp', aliases: [] }],
  ] as const)('%j %s', (service, protocol, expected) => {
    expect(lookupService(service, protocol, { servicesFile })).toEqual(expected);
  });

  it('defaults to tcp and /etc/services', () => {
    expect(lookupService('http').port).toBe(80);
    expect(lookupService('ssh')).toMatchObject({ port: 22, protocol: 'tcp' });
  });

  it.each([
    ['custom', 'tcp'],
    ['HTTP', 'tcp'],
    [25877, 'tcp'],
    ['badline', 'any'],
    [1, 'udp'],
  ] as const)('does not find %j/%s', (service, protocol) => {
    let err: unknown;
    try {
      lookupService(service, protocol, { servicesFile });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownServiceError);
    expect(err).toBeInstanceOf(Error);
    expect((err as UnknownServiceError).datum).toBe(service);
  });

  it('falls back to the built-in IANA table when the file is missing', () => {
    const servicesFile = join(tmp, 'no-services');
    expect(lookupService('http', 'tcp', { servicesFile })).toEqual({
      port: 80,
      name: 'http',
      protocol: 'tcp',
      aliases: ['www', 'www-http'],
    });
    expect(lookupService(53, 'udp', { servicesFile }).name).toBe('domain');
    expect(lookupService('postgres', 'tcp', { servicesFile }).port).toBe(5432);
  });

  it('rejects bad arguments with typed errors', () => {
    expect(() => lookupService('http', 'sctp' as 'tcp')).toThrow(TypeError);
    expect(() => lookupService(65536)).toThrow(RangeError);
    expect(() => lookupService(-1)).toThrow(RangeError);
    expect(() => lookupService(1.5)).toThrow(RangeError);
    expect(() => lookupService({} as string)).toThrow(TypeError);
  });
});

describe('services argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => parseServices(7 as unknown as string)).toThrow(new TypeError('parseServices: text must be a string, got 7'));
    expect(() => lookupService('http', 'tcp', { servicesFile: '' })).toThrow(
      new TypeError('lookupService: servicesFile must be a file name (a non-empty string without NUL), got ""'),
    );
  });
});
