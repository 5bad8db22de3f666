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
 * The connected ping-pong also prints the floor: raw `recv`/`send` through
 * koffi from `FdWatcher` callbacks, no socket API at all.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocket, type MessageSender, type SocketDatagramInternetActive, type SocketDatagramLocalActive } from '@iolib/sockets';
import { compare, type Contender } from '../harness.js';
import { udpPair } from '../iolib-pairs.js';
import { rawPingPong } from '../raw-ping-pong.js';

const SIZE = 64;
const HOST = '127.0.0.1';
const BATCH = 64;

/** Resolve after `ops` 'message' events on `on`, sending the next ping from each one. */
function pingPong(ops: number, on: (f: () => void) => () => void, ping: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let left = ops;
    const off = on(() => {
      if (--left === 0) {
        off();
        resolve();
      } else ping();
    });
    ping();
  });
}

// ── 'message' ping-pong ─────────────────────────────────────────────────────

function iolibEvents(connected: boolean): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  return {
    name: `iolib 'message' (${connected ? 'connected' : 'server pattern'})`,
    async setup() {
      if (connected) {
        [a, b] = await udpPair();
        const echo = b;
        echo.on('message', (m: Buffer) => void echo.sendTo(m));
      } else {
        a = await makeSocket({ type: 'datagram', localHost: HOST });
        b = await makeSocket({ type: 'datagram', localHost: HOST });
        const echo = b;
        echo.on('message', (m: Buffer, from: MessageSender) => {
          if ('host' in from) void echo.sendTo(m, { remoteHost: from.host, remotePort: from.port });
        });
      }
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const to = connected ? undefined : { remoteHost: HOST, remotePort: b!.localPort() };
      return pingPong(
        ops,
        (f) => {
          c.on('message', f);
          return () => c.off('message', f);
        },
        () => void c.sendTo(ping, to),
      );
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

function nodeDgram(connected: boolean): Contender {
  let a: UdpSocket | undefined;
  let b: UdpSocket | undefined;
  return {
    name: `node dgram (${connected ? 'connected' : 'server pattern'})`,
    async setup() {
      a = createSocket('udp4');
      b = createSocket('udp4');
      await new Promise<void>((r) => a!.bind(0, HOST, r));
      await new Promise<void>((r) => b!.bind(0, HOST, r));
      const echo = b;
      if (connected) {
        await new Promise<void>((r) => {
          a!.connect(b!.address().port, HOST, r);
        });
        await new Promise<void>((r) => {
          b!.connect(a!.address().port, HOST, r);
        });
        echo.on('message', (m) => {
          echo.send(m);
        });
      } else {
        echo.on('message', (m, rinfo) => {
          echo.send(m, rinfo.port, rinfo.address);
        });
      }
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const port = b!.address().port;
      return pingPong(
        ops,
        (f) => {
          c.on('message', f);
          return () => c.off('message', f);
        },
        connected
          ? () => {
              c.send(ping);
            }
          : () => {
              c.send(ping, port, HOST);
            },
      );
    },
    async teardown() {
      await new Promise<void>((r) =>
        a!.close(() => {
          r();
        }),
      );
      await new Promise<void>((r) =>
        b!.close(() => {
          r();
        }),
      );
    },
  };
}

// ── the promise API, unconnected server pattern ─────────────────────────────

function iolibPromises(): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  return {
    name: 'iolib sendTo/receiveFrom (server pattern)',
    async setup() {
      a = await makeSocket({ type: 'datagram', localHost: HOST });
      b = await makeSocket({ type: 'datagram', localHost: HOST });
      const echo = b;
      const rbuf = Buffer.alloc(2048);
      // The echo ends when teardown closes its socket (the pending receive rejects with EBADF).
      void (async () => {
        try {
          for (;;) {
            const r = await echo.receiveFrom({ buffer: rbuf });
            await echo.sendTo(rbuf, { end: r.bytes, remoteHost: r.host!, remotePort: r.port! });
          }
        } catch {
          // closed by teardown
        }
      })();
    },
    async run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const rbuf = Buffer.alloc(2048);
      const port = b!.localPort();
      for (let i = 0; i < ops; i++) {
        // A host string per send, as a user program writes it.
        await c.sendTo(ping, { remoteHost: HOST, remotePort: port });
        await c.receiveFrom({ buffer: rbuf });
      }
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

// ── throughput: one sender, one receiver ────────────────────────────────────

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

function iolibThroughput(): Contender {
  let tx: SocketDatagramInternetActive | undefined;
  let rx: SocketDatagramInternetActive | undefined;
  let arrived = 0;
  return {
    name: "iolib sendMany → 'message'",
    async setup() {
      rx = await makeSocket({ type: 'datagram', localHost: HOST });
      tx = await makeSocket({ type: 'datagram', localHost: HOST, remoteHost: HOST, remotePort: rx.localPort() });
      rx.on('message', () => {
        arrived++;
      });
    },
    async run(ops) {
      const batch = Array.from({ length: BATCH }, () => ({ buffer: Buffer.alloc(SIZE, 7) }));
      const target = arrived + ops;
      while (arrived < target) {
        let sent = 0;
        while (sent < BATCH) sent += await tx!.sendMany(sent === 0 ? batch : batch.slice(sent));
        await nextTurn();
      }
    },
    teardown() {
      tx?.close();
      rx?.close();
    },
  };
}

function dgramThroughput(): Contender {
  let tx: UdpSocket | undefined;
  let rx: UdpSocket | undefined;
  let arrived = 0;
  return {
    name: "node dgram send → 'message'",
    async setup() {
      rx = createSocket('udp4');
      tx = createSocket('udp4');
      await new Promise<void>((r) => rx!.bind(0, HOST, r));
      await new Promise<void>((r) => {
        tx!.connect(rx!.address().port, HOST, r);
      });
      rx.on('message', () => {
        arrived++;
      });
    },
    async run(ops) {
      const buf = Buffer.alloc(SIZE, 7);
      const target = arrived + ops;
      while (arrived < target) {
        for (let i = 0; i < BATCH; i++) tx!.send(buf);
        await nextTurn();
      }
    },
    async teardown() {
      await new Promise<void>((r) =>
        tx!.close(() => {
          r();
        }),
      );
      await new Promise<void>((r) =>
        rx!.close(() => {
          r();
        }),
      );
    },
  };
}

// ── Unix datagram ping-pong: iolib and unix-dgram ───────────────────────────

interface UnixDgramSocket {
  bind(path: string): void;
  connect(path: string): void;
  send(buf: Buffer): void;
  on(event: string, f: (...args: unknown[]) => void): void;
  removeListener(event: string, f: (...args: unknown[]) => void): void;
  close(): void;
}
type UnixDgram = { createSocket(type: 'unix_dgram', listener?: (buf: Buffer) => void): UnixDgramSocket };

function loadUnixDgram(): UnixDgram | undefined {
  try {
    return createRequire(import.meta.url)('unix-dgram') as UnixDgram;
  } catch (e) {
    console.warn(`datagram bench: the unix-dgram addon is not built (${String(e).split('\n')[0]}); its comparison is left out`);
    return undefined;
  }
}

function iolibUnix(dir: string): Contender {
  let a: SocketDatagramLocalActive | undefined;
  let b: SocketDatagramLocalActive | undefined;
  return {
    name: "iolib 'message' (unix datagram)",
    async setup() {
      const pa = join(dir, 'iolib-a');
      const pb = join(dir, 'iolib-b');
      b = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pb });
      a = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pa, remoteFilename: pb });
      await b.connect(pa);
      const echo = b;
      echo.on('message', (m: Buffer) => void echo.sendTo(m));
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      return pingPong(
        ops,
        (f) => {
          c.on('message', f);
          return () => c.off('message', f);
        },
        () => void c.sendTo(ping),
      );
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

function unixDgram(mod: UnixDgram, dir: string): Contender {
  let a: UnixDgramSocket | undefined;
  let b: UnixDgramSocket | undefined;
  return {
    name: 'unix-dgram (addon)',
    setup() {
      const pa = join(dir, 'addon-a');
      const pb = join(dir, 'addon-b');
      const echo = mod.createSocket('unix_dgram', (m) => {
        echo.send(m);
      });
      b = echo;
      a = mod.createSocket('unix_dgram');
      b.bind(pb);
      a.bind(pa);
      a.connect(pb);
      b.connect(pa);
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      return pingPong(
        ops,
        (f) => {
          c.on('message', f);
          return () => {
            c.removeListener('message', f);
          };
        },
        () => {
          c.send(ping);
        },
      );
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

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
        peers: connected ? [nodeDgram(connected), rawPingPong('udp')] : [nodeDgram(connected)],
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
