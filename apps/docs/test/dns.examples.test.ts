import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NSD_BINARY, startNsd, type Nsd } from '../../../packages/dns/test/nsd.js';
import customNameserver from '../examples/dns/custom-nameserver.js';
import decodeMessageExample from '../examples/dns/decode-message.js';
import hostsFileLookup from '../examples/dns/hosts-file-lookup.js';
import servicesAndProtocols from '../examples/dns/services-and-protocols.js';

describe('dns examples', () => {
  it('hosts-file-lookup resolves both ways from the file', async () => {
    expect(await hostsFileLookup()).toEqual({
      address: '192.0.2.7',
      otherAddresses: ['2001:db8::7'],
      canonicalName: 'app.example.test',
      reverse: 'app.example.test',
    });
  });

  it('services-and-protocols reads the databases', async () => {
    expect(await servicesAndProtocols()).toEqual({
      http: 80,
      port53: 'domain',
      udp: 17,
      missing: { name: 'UnknownServiceError', datum: 'no-such-service' },
    });
  });

  it('decode-message encodes, decodes and rejects a hostile packet', async () => {
    expect(await decodeMessageExample()).toEqual({
      queryHex: '123401000001000000000000' + '03777777076578616d706c650474657374' + '00' + '0001' + '0001',
      answer: ['www.example.test a 300 "192.0.2.1"'],
      hostile: 'compression pointer does not point backwards (at byte 12)',
    });
  });
});

// NSD on its own port: the dns package's tests use 15353 at the same time.
const DOCS_NSD_PORT = 15356;

describe.runIf(NSD_BINARY !== undefined)('custom-nameserver against NSD', () => {
  let nsd: Nsd;
  beforeAll(async () => {
    nsd = await startNsd(DOCS_NSD_PORT);
  });
  afterAll(async () => {
    await nsd.stop();
  });

  it('looks up a host, queries MX and gets a typed NXDOMAIN', async () => {
    expect(await customNameserver(nsd.server)).toEqual({
      address: '192.0.2.10',
      otherAddresses: ['192.0.2.11', '2001:db8::10'],
      exchangers: ['10 mail.example.test', '20 mail2.example.test'],
      missing: 'ENOTFOUND',
    });
  });
});

if (NSD_BINARY === undefined)
  console.log('docs: custom-nameserver example skipped: nsd is not installed (scripts/ensure-test-deps.sh installs it)');
