/**
 * iomux: a 64-byte ping-pong over a Unix datagram socketpair, driven through
 * `FdWatcher` (libuv poll on Node's loop) and through `EventBase` (epoll fd in
 * one libuv poll), against the same ping-pong over Node's `net` (Unix stream)
 * and `dgram` (UDP loopback). Targets: a watcher round trip ≤ 0.85× net's time;
 * EventBase ≤ 1.15× the bare watcher; and EventBase's dispatch cost must not
 * grow with 10 000 idle registered fds (≤ 1.15× the same base without them).
 * For the record, with no target: EventBase against the watcher when the echo
 * peer is another thread, so that no wakeup finds a second ready fd (there the
 * harvest every wakeup needs shows in full: about 1.2×).
 */
import { compare } from '../harness.js';
import { dgramPingPong, netPingPong } from '../iomux/node-peers.js';
import { threadPingPong } from '../iomux/peer-thread.js';
import { eventBasePingPong, watcherPingPong } from '../iomux/same-thread.js';

/** Options for a smaller run (the smoke test). */
export interface IomuxBenchOptions {
  readonly rounds?: number;
  /** Idle fds registered in the dispatch-cost comparison (default 10 000). */
  readonly idleFds?: number;
  /** Round trips per round with the peer in another thread (default ops / 10: each one waits for a thread wakeup). */
  readonly threadOps?: number;
}

/**
 * Runs the three comparisons with `ops` round trips per round.
 *
 * @param ops - round trips per round per contender
 * @param options - rounds and number of idle fds
 */
export async function run(ops: number, options: IomuxBenchOptions = {}): Promise<void> {
  const rounds = options.rounds ?? 9;
  const idle = options.idleFds ?? 10_000;
  await compare('ping-pong round trip: FdWatcher vs node net / dgram', {
    ops,
    rounds,
    unit: 'round trip',
    ours: watcherPingPong(),
    peers: [netPingPong(), dgramPingPong()],
    target: { peer: 'node net (unix stream)', ratio: 0.85, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('ping-pong round trip: EventBase vs bare FdWatcher', {
    ops,
    rounds,
    unit: 'round trip',
    ours: eventBasePingPong(),
    peers: [watcherPingPong(), netPingPong()],
    target: { peer: 'iolib FdWatcher (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('ping-pong round trip, peer in a blocking thread: EventBase vs bare FdWatcher', {
    ops: options.threadOps ?? Math.max(1, Math.floor(ops / 10)),
    rounds,
    unit: 'round trip',
    ours: threadPingPong('base'),
    peers: [threadPingPong('watcher')],
  });
  await compare(`EventBase dispatch cost with ${idle} idle registered fds`, {
    ops,
    rounds,
    unit: 'round trip',
    ours: eventBasePingPong(idle),
    peers: [eventBasePingPong()],
    target: { peer: 'iolib EventBase (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'must not grow with idle fds' },
  });
}

export default async function (): Promise<void> {
  await run(20_000);
}
