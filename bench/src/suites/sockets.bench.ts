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
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket as NetSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, localPort, makeSocket, type ActiveStreamSocket, type SocketDatagramInternetActive } from '@iolib/sockets';
import { closeNodeHandles } from '../node-handles.js';
import { compare, type Contender } from '../harness.js';
import { streamPair, udpPair } from '../iolib-pairs.js';
import { rawPingPong } from '../raw-ping-pong.js';

const SIZE = 64;

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

// ── C: the physical limit ───────────────────────────────────────────────────

let cBinary: string | null | undefined;
function compileC(): string | null {
  if (cBinary !== undefined) return cBinary;
  const src = fileURLToPath(new URL('../../c/pingpong.c', import.meta.url));
  const out = join(tmpdir(), `iolib-pingpong-${process.pid}`);
  try {
    execFileSync('gcc', ['-O2', '-o', out, src], { stdio: 'pipe' });
    cBinary = out;
  } catch (e) {
    console.warn(`sockets bench: gcc could not build ${src} (${String(e)}); the C contender is left out`);
    cBinary = null;
  }
  return cBinary;
}

function cPingPong(mode: 'tcp' | 'udp' | 'unix'): Contender[] {
  const bin = compileC();
  if (bin === null) return [];
  return [
    {
      name: `C blocking, 2 processes (${mode})`,
      run(ops) {
        execFileSync(bin, [mode, String(ops), String(SIZE)], { stdio: 'pipe' });
      },
    },
  ];
}

// ── stream ping-pong: iolib Duplex and net ──────────────────────────────────

type Endpoint = { readonly kind: 'tcp' } | { readonly kind: 'unix'; readonly path: string };

/** Ping-pong over two stream objects with `write` + `'data'` (works for both libraries). */
function streamPingPong(client: NodeJS.ReadWriteStream & { write(b: Buffer): boolean }, ops: number): Promise<void> {
  const ping = Buffer.alloc(SIZE, 7);
  return new Promise<void>((resolve) => {
    let left = ops;
    let got = 0;
    const onData = (d: Buffer): void => {
      got += d.length;
      if (got < SIZE) return;
      got -= SIZE;
      if (--left === 0) {
        client.removeListener('data', onData);
        resolve();
      } else client.write(ping);
    };
    client.on('data', onData);
    client.write(ping);
  });
}

function iolibStream(ep: Endpoint): Contender {
  let client: ActiveStreamSocket | undefined;
  let server: ActiveStreamSocket | undefined;
  const close: { close(): void }[] = [];
  return {
    name: `iolib Duplex (${ep.kind})`,
    async setup() {
      const pair = await streamPair(ep.kind, ep.kind === 'unix' ? `${ep.path}.iolib` : '');
      ({ client, server } = pair);
      close.push(pair.listener, client, server);
      const s = server;
      s.on('data', (d: Buffer) => s.write(d));
    },
    run: (ops) => streamPingPong(client!, ops),
    teardown() {
      for (const s of close) s.close();
    },
  };
}

function netStream(ep: Endpoint): Contender {
  let srv: Server | undefined;
  let client: NetSocket | undefined;
  let server: NetSocket | undefined;
  return {
    name: `node net (${ep.kind})`,
    async setup() {
      srv = createServer({ noDelay: true }, (s) => {
        server = s;
        s.on('data', (d) => s.write(d));
      });
      await new Promise<void>((resolve) => {
        if (ep.kind === 'tcp') srv!.listen(0, '127.0.0.1', resolve);
        else srv!.listen(`${ep.path}.net`, resolve);
      });
      const addr = srv.address();
      if (ep.kind === 'unix') client = createConnection(`${ep.path}.net`);
      else client = createConnection({ port: typeof addr === 'object' && addr !== null ? addr.port : 0, host: '127.0.0.1', noDelay: true });
      await new Promise<void>((resolve) => client!.once('connect', resolve));
      while (server === undefined) await new Promise((r) => setImmediate(r));
    },
    run: (ops) => streamPingPong(client!, ops),
    async teardown() {
      client?.destroy();
      server?.destroy();
      await new Promise((r) => srv?.close(r));
    },
  };
}

// ── UDP ping-pong: iolib sendTo/receiveFrom and dgram ───────────────────────

function iolibUdp(): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  let serving = true;
  return {
    name: 'iolib sendTo/receiveFrom (udp)',
    async setup() {
      [a, b] = await udpPair();
      const echo = b;
      const rbuf = Buffer.alloc(2048);
      // The echo ends when teardown closes its socket (the pending receive rejects with EBADF).
      void (async () => {
        try {
          while (serving) {
            const r = await echo.receiveFrom({ buffer: rbuf });
            await echo.sendTo(rbuf, { end: r.bytes });
          }
        } catch {
          // closed by teardown
        }
      })();
    },
    async run(ops) {
      const ping = Buffer.alloc(SIZE, 7);
      const rbuf = Buffer.alloc(2048);
      const c = a!;
      for (let i = 0; i < ops; i++) {
        await c.sendTo(ping);
        await c.receiveFrom({ buffer: rbuf });
      }
    },
    teardown() {
      serving = false;
      a?.close();
      b?.close();
    },
  };
}

function nodeDgram(): Contender {
  let a: UdpSocket | undefined;
  let b: UdpSocket | undefined;
  return {
    name: 'node dgram (udp)',
    async setup() {
      a = createSocket('udp4');
      b = createSocket('udp4');
      await new Promise<void>((r) => a!.bind(0, '127.0.0.1', r));
      await new Promise<void>((r) => b!.bind(0, '127.0.0.1', r));
      await new Promise<void>((r) => {
        a!.connect(b!.address().port, '127.0.0.1', r);
      });
      await new Promise<void>((r) => {
        b!.connect(a!.address().port, '127.0.0.1', r);
      });
      const echo = b;
      echo.on('message', (m) => {
        echo.send(m);
      });
    },
    run(ops) {
      const ping = Buffer.alloc(SIZE, 7);
      const c = a!;
      return new Promise<void>((resolve) => {
        let left = ops;
        const onMessage = (): void => {
          if (--left === 0) {
            c.removeListener('message', onMessage);
            resolve();
          } else c.send(ping);
        };
        c.on('message', onMessage);
        c.send(ping);
      });
    },
    teardown() {
      return closeNodeHandles(a, b);
    },
  };
}

// ── bulk TCP transfer ───────────────────────────────────────────────────────

const MiB = 1 << 20;
const CHUNK = Buffer.alloc(256 * 1024, 0x5a);

/** Write `mib` MiB into `writer` with backpressure; resolve when `reader` has counted them. */
function transfer(
  writer: NodeJS.WritableStream & { write(b: Buffer): boolean },
  reader: NodeJS.ReadableStream,
  mib: number,
): Promise<void> {
  const total = mib * MiB;
  return new Promise<void>((resolve) => {
    let received = 0;
    const onData = (d: Buffer): void => {
      received += d.length;
      if (received >= total) {
        reader.removeListener('data', onData);
        resolve();
      }
    };
    reader.on('data', onData);
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        sent += CHUNK.length;
        if (!writer.write(CHUNK)) {
          writer.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

function iolibBulk(): Contender {
  let client: ActiveStreamSocket | undefined;
  let server: ActiveStreamSocket | undefined;
  let listener: { close(): void } | undefined;
  return {
    name: 'iolib Duplex (tcp bulk)',
    async setup() {
      const l = await makeSocket({ connect: 'passive', localHost: '127.0.0.1' });
      listener = l;
      const c = makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(l) });
      server = (await acceptConnection(l))!.socket;
      client = await c;
    },
    run: (mib) => transfer(client!, server!, mib),
    teardown() {
      client?.close();
      server?.close();
      listener?.close();
    },
  };
}

function netBulk(): Contender {
  let srv: Server | undefined;
  let client: NetSocket | undefined;
  let server: NetSocket | undefined;
  return {
    name: 'node net (tcp bulk)',
    async setup() {
      srv = createServer((s) => {
        server = s;
      });
      await new Promise<void>((r) => srv!.listen(0, '127.0.0.1', r));
      const addr = srv.address();
      client = createConnection({ port: typeof addr === 'object' && addr !== null ? addr.port : 0, host: '127.0.0.1' });
      await new Promise<void>((r) => client!.once('connect', r));
      while (server === undefined) await new Promise((r) => setImmediate(r));
    },
    run: (mib) => transfer(client!, server!, mib),
    async teardown() {
      client?.destroy();
      server?.destroy();
      await new Promise((r) => srv?.close(r));
    },
  };
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
    if (typeof cBinary === 'string' && existsSync(cBinary) && statSync(cBinary).isFile()) rmSync(cBinary);
    cBinary = undefined;
  }
}

export default async function (): Promise<void> {
  await run(20_000, { bulkMiB: 1024 });
}
