import { describe, expect, it } from 'vitest';
import decodeMessageExample from '../examples/dns/decode-message.js';
import hostsFileLookup from '../examples/dns/hosts-file-lookup.js';
import servicesAndProtocols from '../examples/dns/services-and-protocols.js';

describe('dns examples', () => {
  it('hosts-file-lookup resolves both ways from the file', async () => {
    expect(await hostsFileLookup()).toEqual({
      address: '192.0.2.7', otherAddresses: ['2001:db8::7'], canonicalName: 'app.example.test', reverse: 'app.example.test',
    });
  });

  it('services-and-protocols reads the databases', async () => {
    expect(await servicesAndProtocols()).toEqual({ http: 80, port53: 'domain', udp: 17, missing: { name: 'UnknownServiceError', datum: 'no-such-service' } });
  });

  it('decode-message encodes, decodes and rejects a hostile packet', async () => {
    expect(await decodeMessageExample()).toEqual({
      queryHex: '123401000001000000000000' + '03777777076578616d706c650474657374' + '00' + '0001' + '0001',
      answer: ['www.example.test a 300 "192.0.2.1"'],
      hostile: 'compression pointer does not point backwards (at byte 12)',
    });
  });
});
