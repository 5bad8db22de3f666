/**
 * datagram: `'message'` events, batching and the promise API on UDP and Unix
 * datagram sockets against `node:dgram` and the `unix-dgram` addon, in one
 * process, ratios judged per round (harness.ts). Targets (issue 13):
 * - 64-byte UDP ping-pong with `'message'` events on both sides, connected and
 *   in the unconnected server pattern (the server replies to the sender the
 *   receive reported, as dgram replies to `rinfo`): ≤ 0.6× dgram's time;
 * - the promise API (`sendTo`/`receiveFrom`), unconnected server pattern, a
 *   host string per client send: ≤ 0.75× dgram's time;
 * - datagrams per second, one sender (`sendMany`, batches of 64) and one
 *   receiver (`'message'`), 64-byte UDP on loopback, counting what arrived:
 *   ≥ 3× dgram;
 * - Unix datagram ping-pong against `unix-dgram`: printed.
 * The connected ping-pong also prints two floors: raw `recv`/`send` through
 * koffi from `FdWatcher` callbacks, no socket API at all; and the floor of any
 * message API, one `recvfrom` per datagram and a Buffer of its own for each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dgramThroughput, iolibThroughput } from '../datagram/throughput.js';
import { iolibEvents, iolibPromises, nodeDgram } from '../datagram/udp-ping-pong.js';
import { iolibUnix, loadUnixDgram, unixDgram } from '../datagram/unix.js';
import { compare } from '../harness.js';
import { rawMessagePingPong, rawPingPong } from '../raw-ping-pong.js';

/** Options of {@link run}. */
export interface DatagramBenchOptions {
  /** Rounds per comparison (harness default 7). */
  readonly rounds?: number;
}

export default async function run(options: DatagramBenchOptions = {}): Promise<void> {
  const rounds = options.rounds ?? 7;
  for (const connected of [true, false]) {
    await compare(
      `64-byte UDP ping-pong, 'message' events on both sides (${connected ? 'connected' : 'unconnected server pattern'}): iolib vs node dgram`,
      {
        ops: 20_000,
        rounds,
        unit: 'round trip',
        ours: iolibEvents(connected),
        peers: connected ? [nodeDgram(connected), rawPingPong('udp'), rawMessagePingPong()] : [nodeDgram(connected)],
        target: { peer: nodeDgram(connected).name, ratio: 0.6, higherIsBetter: false, note: 'time per round trip' },
      },
    );
  }
  await compare('64-byte UDP ping-pong, promise API, unconnected server pattern (host string per send): iolib vs node dgram', {
    ops: 20_000,
    rounds,
    unit: 'round trip',
    ours: iolibPromises(),
    peers: [nodeDgram(false)],
    target: { peer: nodeDgram(false).name, ratio: 0.75, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('64-byte UDP datagrams per second, one sender (batches of 64) and one receiver, counting arrivals: iolib vs node dgram', {
    ops: 200_000,
    rounds,
    unit: 'datagram',
    ours: iolibThroughput(),
    peers: [dgramThroughput()],
    target: { peer: dgramThroughput().name, ratio: 3, note: 'datagrams arrived per second' },
  });
  const mod = loadUnixDgram();
  if (mod === undefined) return;
  const dir = mkdtempSync(join(tmpdir(), 'iolib-bench-dgram-'));
  try {
    await compare("64-byte Unix datagram ping-pong, 'message' events: iolib vs unix-dgram", {
      ops: 20_000,
      rounds,
      unit: 'round trip',
      ours: iolibUnix(dir),
      peers: [unixDgram(mod, dir)],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
