/**
 * The setup of a suite against fake servers (fake-server.ts): an empty hosts
 * file and resolv.conf, lookup options without cache, one-second tries, the
 * servers closed after the suite and the fd count checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { fdCount, nextImmediate } from '../../../test-support/index.js';
import { startFake } from './fake-server.js';
import type { FakeServer } from './fake-server.js';
import { bytes, u16, wireName } from './packet.js';
import type { RR } from './packet.js';

/** An A record. */
export const A = (name: string, ...ip: number[]): RR => ({ name, type: 1, ttl: 300, data: bytes(...ip) });

/** An SOA record for fake.test with MINIMUM 60. */
export const SOA: RR = {
  name: 'fake.test',
  type: 6,
  ttl: 300,
  data: Buffer.concat([wireName('ns.fake.test'), wireName('h.fake.test'), Buffer.alloc(16), u16(0), u16(60)]),
};

/**
 * Registers the suite's hooks.
 *
 * @returns `base` lookup options and `fake`, which starts a server closed after the suite
 */
export function fakeSuite(): {
  readonly base: {
    readonly hostsFile: string;
    readonly resolvConf: string;
    readonly cache: false;
    readonly timeout: 1;
    readonly attempts: 1;
  };
  readonly fake: (...args: Parameters<typeof startFake>) => Promise<FakeServer>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-fake-'));
  const hostsFile = join(dir, 'hosts');
  const resolvConf = join(dir, 'resolv.conf');
  writeFileSync(hostsFile, '');
  writeFileSync(resolvConf, 'options timeout:1 attempts:1\n');
  const servers: FakeServer[] = [];
  let fdsBefore = 0;
  beforeAll(() => {
    fdsBefore = fdCount();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
    await nextImmediate(); // the UDP engine closes its shared epoll fd one turn after the last exchange ends
    expect(fdCount()).toBe(fdsBefore);
  });
  return {
    base: { hostsFile, resolvConf, cache: false, timeout: 1, attempts: 1 },
    fake: async (...args) => {
      const s = await startFake(...args);
      servers.push(s);
      return s;
    },
  };
}
