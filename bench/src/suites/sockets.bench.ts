/**
 * sockets: 64-byte ping-pong over TCP, UDP and Unix stream sockets, and a bulk
 * TCP transfer, each with iolib's sockets against Node's `net` / `dgram` in one
 * process, plus the same ping-pong in C (bench/c/pingpong.c, compiled with gcc
 * here) as the physical limit. Targets: ping-pong ≤ 0.85× net's time (TCP,
 * Unix), ≤ 0.6× dgram's (UDP); bulk throughput ≥ 0.9× net's.
 *
 * Both ends of every Node/iolib ping-pong live in this one process, as a
 * client and its echo server would in a test; the C program forks, so its two
 * ends run on two cores. Each ping-pong also prints, as a peer, the same
 * exchange made of raw `recv`/`send` calls from `FdWatcher` callbacks: the
 * floor of any socket API on Node's loop through koffi.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, type Contender } from '../harness.js';
import { rawPingPong } from '../raw-ping-pong.js';
import { iolibBulk, netBulk } from '../sockets/bulk.js';
import { cPingPong, removeC } from '../sockets/c-pingpong.js';
import { iolibStream, netStream, type Endpoint } from '../sockets/stream.js';
import { iolibUdp, nodeDgram } from '../sockets/udp.js';

/** Options of {@link run}. */
export interface SocketsBenchOptions {
  /** Rounds per comparison (harness default 7). */
  readonly rounds?: number;
  /** MiB moved per bulk-transfer operation… times `bulkOps` operations; default 1024 MiB in all. */
  readonly bulkMiB?: number;
  /** Skip the C contender (no gcc). */
  readonly withC?: boolean;
  /** Run only these comparisons (default: all). */
  readonly only?: readonly ('tcp' | 'udp' | 'unix' | 'bulk')[];
}

/**
 * Run every comparison.
 *
 * @param ops - round trips per ping-pong round
 * @param options - rounds, bulk size, C contender
 */
export async function run(ops: number, options: SocketsBenchOptions = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-bench-'));
  const rounds = options.rounds ?? 7;
  const withC = options.withC ?? true;
  const c = (mode: 'tcp' | 'udp' | 'unix'): Contender[] => (withC ? cPingPong(mode) : []);
  const want = (k: 'tcp' | 'udp' | 'unix' | 'bulk'): boolean => options.only?.includes(k) ?? true;
  try {
    const tcp: Endpoint = { kind: 'tcp' };
    if (want('tcp'))
      await compare('64-byte TCP ping-pong: iolib vs node net', {
        ops,
        rounds,
        unit: 'round trip',
        ours: iolibStream(tcp),
        peers: [netStream(tcp), rawPingPong('tcp'), ...c('tcp')],
        target: { peer: 'node net (tcp)', ratio: 0.85, higherIsBetter: false, note: 'time per round trip' },
      });
    if (want('udp'))
      await compare('64-byte UDP ping-pong: iolib vs node dgram', {
        ops,
        rounds,
        unit: 'round trip',
        ours: iolibUdp(),
        peers: [nodeDgram(), rawPingPong('udp'), ...c('udp')],
        target: { peer: 'node dgram (udp)', ratio: 0.6, higherIsBetter: false, note: 'time per round trip' },
      });
    const unix: Endpoint = { kind: 'unix', path: join(dir, 'pp') };
    if (want('unix'))
      await compare('64-byte Unix stream ping-pong: iolib vs node net', {
        ops,
        rounds,
        unit: 'round trip',
        ours: iolibStream(unix),
        peers: [netStream(unix), rawPingPong('unix', unix.path), ...c('unix')],
        target: { peer: 'node net (unix)', ratio: 0.85, higherIsBetter: false, note: 'time per round trip' },
      });
    const bulkMiB = options.bulkMiB ?? 1024;
    const bulkRounds = Math.max(1, Math.min(rounds, 3));
    if (want('bulk'))
      await compare(`bulk TCP transfer (${bulkMiB} MiB per round): iolib vs node net`, {
        ops: bulkMiB,
        rounds: bulkRounds,
        unit: 'MiB',
        ours: iolibBulk(),
        peers: [netBulk()],
        target: { peer: 'node net (tcp bulk)', ratio: 0.9, note: 'throughput' },
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    removeC();
  }
}

export default async function (): Promise<void> {
  await run(20_000, { bulkMiB: 1024 });
}
