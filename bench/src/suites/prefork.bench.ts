/**
 * prefork: HTTP keep-alive requests served by 1 vs 2 processes sharing one
 * port with SO_REUSEPORT (each an iolib socket served by Node's `http`), loaded
 * by `wrk` (Debian package wrk) over loopback. Rounds alternate 1 and 2
 * workers; the ratio of the medians and the median per-round ratio are printed. On 2 cores the load generator
 * shares the CPUs with the workers, so the ratio stays below 2×.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('../prefork-worker.ts', import.meta.url));

/** Options of {@link runPrefork}. */
export interface PreforkOptions {
  /** Seconds of load per round (default 4). */
  readonly seconds?: number;
  /** Rounds per worker count (default 3). */
  readonly rounds?: number;
  /** wrk connections (default 64). */
  readonly connections?: number;
}

/** Requests per second for each worker count (medians), their ratio, and the median of the per-round ratios. */
export interface PreforkResult {
  readonly one: number;
  readonly two: number;
  readonly ratio: number;
  /** Median over rounds of (2 workers ÷ 1 worker) measured back to back: machine drift cancels. */
  readonly pairedRatio: number;
}

/** Why the bench cannot run here, or `undefined` when it can. */
export function missingLoadGenerator(): string | undefined {
  return spawnSync('wrk', ['--version']).error === undefined ? undefined : 'wrk is not installed (apt-get install -y wrk)';
}

async function startWorker(port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--conditions=@iolib/source', '--import', 'tsx', worker, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => `exited with ${String(code)} before listening`);
  const line = await Promise.race([once(child.stdout.setEncoding('utf8'), 'data').then(([d]) => d as string), exited]);
  const listening = Number(line.trim());
  if (!Number.isInteger(listening) || listening <= 0) {
    child.kill();
    throw new Error(`prefork worker ${line}`);
  }
  return { child, port: listening };
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (c) => {
      if (c.exitCode !== null || c.signalCode !== null) return;
      c.kill();
      await once(c, 'exit');
    }),
  );
}

/** One round: `workers` processes on one fresh port, `seconds` of wrk load; requests per second. */
async function round(workers: number, o: Required<PreforkOptions>): Promise<number> {
  const first = await startWorker(0);
  const children = [first.child];
  try {
    for (let i = 1; i < workers; i++) children.push((await startWorker(first.port)).child);
    const { stdout } = await run('wrk', ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, `http://127.0.0.1:${first.port}/`], {
      timeout: (o.seconds + 10) * 1000,
    });
    const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
    if (rps === null || /Non-2xx|Socket errors/.test(stdout)) throw new Error(`wrk reported errors or no rate:\n${stdout}`);
    return Number(rps[1]);
  } finally {
    await stop(children);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Alternate rounds of 1 and 2 workers and print requests/s and the ratio.
 *
 * @param options - seconds per round, rounds, wrk connections
 * @returns the medians and their ratio
 */
export async function runPrefork(options: PreforkOptions = {}): Promise<PreforkResult> {
  const o = { seconds: 4, rounds: 3, connections: 64, ...options };
  const samples: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let r = 0; r < o.rounds; r++) {
    for (const n of r % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) samples[n].push(await round(n, o));
  }
  const one = median(samples[1]);
  const two = median(samples[2]);
  console.log(
    `\n## HTTP keep-alive over SO_REUSEPORT: 1 vs 2 processes (wrk -t1 -c${o.connections}, ${o.seconds} s × ${o.rounds} rounds, median)`,
  );
  console.log(`  1 process    ${one.toFixed(0).padStart(8)} requests/s   (rounds: ${samples[1].map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  2 processes  ${two.toFixed(0).padStart(8)} requests/s   (rounds: ${samples[2].map((x) => x.toFixed(0)).join(', ')})`);
  const pairedRatio = median(samples[2].map((x, r) => x / samples[1][r]!));
  console.log(`  ratio 2/1: ${(two / one).toFixed(2)}× (medians); per round ${pairedRatio.toFixed(2)}×`);
  return { one, two, ratio: two / one, pairedRatio };
}

export default async function (): Promise<void> {
  const missing = missingLoadGenerator();
  if (missing !== undefined) {
    console.log(`prefork bench skipped: ${missing}`);
    return;
  }
  await runPrefork();
}
