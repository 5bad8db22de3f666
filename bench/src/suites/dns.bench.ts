/**
 * The resolver against Node's `dns.promises.Resolver` (c-ares), both asking
 * the same NSD on 127.0.0.1, interleaved: A queries per second at
 * concurrency 100 (target ≥ 1.0× c-ares) and latency at concurrency 1.
 * Our cache is off, so every lookup is a real exchange.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dnsQuery, lookupHostname } from '@iolib/dns';
import { startNsd, NSD_PORT } from '../../../packages/dns/test/nsd.js';
import { compare } from '../harness.js';

const NAME = 'www.example.test';

async function pool(ops: number, concurrency: number, one: () => Promise<unknown>): Promise<void> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < ops) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
}

/** Options for a smaller run (the smoke test). */
export interface DnsBenchOptions {
  readonly rounds?: number;
  /** NSD port (default 15353). */
  readonly port?: number;
}

/**
 * Runs the comparisons with `ops` lookups per round.
 *
 * @param ops - lookups per round per contender
 * @param options - rounds and NSD port
 */
export async function run(ops: number, options: DnsBenchOptions = {}): Promise<void> {
  const nsd = await startNsd(options.port ?? NSD_PORT);
  const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-bench-'));
  const hostsFile = join(dir, 'hosts');
  writeFileSync(hostsFile, '');
  const ours = { nameservers: nsd.server, hostsFile, resolvConf: join(dir, 'resolv.conf'), cache: false, timeout: 2 } as const;
  const cares = new Resolver({ timeout: 2000, tries: 2 });
  cares.setServers([nsd.server]);
  const rounds = options.rounds ?? 7;
  try {
    // Both sides must agree before anything is timed.
    const [a, b] = await Promise.all([lookupHostname(NAME, ours), cares.resolve4(NAME)]);
    if (a.address.toString() !== b[0]) throw new Error(`the contenders disagree: ${a.address.toString()} vs ${String(b[0])}`);
    // Warm both up (JIT for ours, socket setup for c-ares) so the first comparison is not penalised.
    for (let i = 0; i < 3; i++) {
      await pool(ops, 100, () => lookupHostname(NAME, ours));
      await pool(ops, 100, () => dnsQuery(NAME, ours));
      await pool(ops, 100, () => cares.resolve4(NAME));
    }
    await compare('DNS A lookups, concurrency 100 (lookupHostname vs c-ares resolve4)', {
      ops,
      rounds,
      unit: 'lookup',
      ours: { name: 'iolib lookupHostname', run: (n) => pool(n, 100, () => lookupHostname(NAME, ours)) },
      peers: [{ name: 'node dns.Resolver (c-ares)', run: (n) => pool(n, 100, () => cares.resolve4(NAME)) }],
      target: { peer: 'node dns.Resolver (c-ares)', ratio: 1.0, note: 'cache off' },
    });
    await compare('DNS A queries, concurrency 100 (dnsQuery vs c-ares resolve4)', {
      ops,
      rounds,
      unit: 'query',
      ours: { name: 'iolib dnsQuery', run: (n) => pool(n, 100, () => dnsQuery(NAME, ours)) },
      peers: [{ name: 'node dns.Resolver (c-ares)', run: (n) => pool(n, 100, () => cares.resolve4(NAME)) }],
    });
    const sequential = Math.max(1, Math.floor(ops / 4));
    await compare('DNS A lookup latency, concurrency 1', {
      ops: sequential,
      rounds,
      unit: 'lookup',
      ours: { name: 'iolib lookupHostname', run: (n) => pool(n, 1, () => lookupHostname(NAME, ours)) },
      peers: [{ name: 'node dns.Resolver (c-ares)', run: (n) => pool(n, 1, () => cares.resolve4(NAME)) }],
    });
  } finally {
    cares.cancel();
    await nsd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<void> {
  await run(2000);
}
