/**
 * The benchmark harness: ours and each peer run interleaved in one process,
 * round after round, so machine noise hits every contender alike. Results are
 * printed as ratios, never as absolute claims (docs/architecture.md, "Benchmarks": timings here are
 * noisy; compare ratios measured side by side in one run).
 */
import { arch, cpus, release, type } from 'node:os';

/** One side of a comparison. `run(ops)` performs `ops` operations. */
export interface Contender {
  readonly name: string;
  setup?(): Promise<void> | void;
  run(ops: number): Promise<void> | void;
  teardown?(): Promise<void> | void;
}

/** The target a comparison is held to, e.g. "ours at least 4× ipaddr.js". */
export interface Target {
  /** Name of the peer the ratio is taken against. */
  readonly peer: string;
  /** Required speed ratio ours/peer (`higherIsBetter`, default) or time ratio ours/peer (`false`). */
  readonly ratio: number;
  /** `true` (default): ratio is speed, ours ≥ ratio × peer. `false`: ratio is time, ours ≤ ratio × peer. */
  readonly higherIsBetter?: boolean;
  readonly note?: string;
}

export interface CompareOptions {
  readonly ours: Contender;
  readonly peers: readonly Contender[];
  /** Operations per round per contender. */
  readonly ops: number;
  /** Rounds; each round runs every contender once, in rotating order. Default 7. */
  readonly rounds?: number;
  /** What one operation is, for the table (`'parse'`, `'round trip'`). */
  readonly unit?: string;
  readonly target?: Target;
}

/** Per-contender result: the median time of one operation across rounds. */
export interface ContenderResult {
  readonly name: string;
  readonly nsPerOp: number;
  readonly opsPerSecond: number;
}

export interface CompareResult {
  readonly title: string;
  /** What one operation is (`'parse'`, `'round trip'`), as given to {@link compare}. */
  readonly unit: string;
  readonly results: readonly ContenderResult[];
  /** Speed of ours relative to each peer (ours ops/s ÷ peer ops/s), from the medians. */
  readonly speedup: Readonly<Record<string, number>>;
  /**
   * Per peer, the median over rounds of the round's own ratio (peer time ÷ ours):
   * both ran back to back in that round, so slow drift of the machine cancels.
   * Targets are judged on this one.
   */
  readonly pairedSpeedup: Readonly<Record<string, number>>;
  /** `undefined` when no target was set. */
  readonly targetMet: boolean | undefined;
}

/** Every comparison of this process, for the final summary. */
export const allResults: CompareResult[] = [];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function format(n: number, digits = 2): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(digits)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(digits)} k`;
  return n.toFixed(digits);
}

/**
 * Runs `ours` and every peer interleaved for `rounds` rounds (plus one warm-up
 * round), prints a table of median ns/op, ops/s and speed ratios, and whether
 * the target is met.
 *
 * @example
 * ```ts
 * await compare('IPv4 parse', { ops: 100_000, unit: 'parse',
 *   ours: { name: 'iolib', run: (n) => { for (let i = 0; i < n; i++) parseAddress(s) } },
 *   peers: [{ name: 'ipaddr.js', run: (n) => { for (let i = 0; i < n; i++) ipaddr.parse(s) } }],
 *   target: { peer: 'ipaddr.js', ratio: 4 } });
 * ```
 */
export async function compare(title: string, options: CompareOptions): Promise<CompareResult> {
  const contenders = [options.ours, ...options.peers];
  const rounds = options.rounds ?? 7;
  const samples = contenders.map(() => [] as number[]);
  for (const c of contenders) await c.setup?.();
  try {
    for (let round = -1; round < rounds; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (k + Math.max(round, 0)) % contenders.length;
        const c = contenders[i]!;
        const start = process.hrtime.bigint();
        await c.run(options.ops);
        const ns = Number(process.hrtime.bigint() - start);
        if (round >= 0) samples[i]!.push(ns / options.ops);
      }
    }
  } finally {
    for (const c of contenders) await c.teardown?.();
  }
  const results = contenders.map((c, i) => {
    const nsPerOp = median(samples[i]!);
    return { name: c.name, nsPerOp, opsPerSecond: 1e9 / nsPerOp };
  });
  const ours = results[0]!;
  const speedup: Record<string, number> = {};
  const pairedSpeedup: Record<string, number> = {};
  results.forEach((r, i) => {
    if (i === 0) return;
    speedup[r.name] = r.nsPerOp / ours.nsPerOp;
    pairedSpeedup[r.name] = median(samples[i]!.map((ns, round) => ns / samples[0]![round]!));
  });
  let targetMet: boolean | undefined;
  const t = options.target;
  if (t !== undefined) {
    const s = pairedSpeedup[t.peer];
    if (s === undefined) throw new TypeError(`bench "${title}": target peer "${t.peer}" is not a contender`);
    targetMet = (t.higherIsBetter ?? true) ? s >= t.ratio : 1 / s <= t.ratio;
  }
  const result: CompareResult = { title, unit: options.unit ?? 'op', results, speedup, pairedSpeedup, targetMet };
  allResults.push(result);
  print(result, options);
  return result;
}

function print(r: CompareResult, o: CompareOptions): void {
  const unit = o.unit ?? 'op';
  const lines = [`\n## ${r.title}  (${o.ops} ${unit}s × ${o.rounds ?? 7} rounds, median)`];
  lines.push(
    `  ${'contender'.padEnd(28)} ${'ns/' + unit}`.padEnd(44) + `${unit}s/s`.padStart(14) + '   ours vs it (medians; per-round ratios)',
  );
  for (const c of r.results) {
    const s = r.speedup[c.name];
    const p = r.pairedSpeedup[c.name];
    const ratio =
      s === undefined || p === undefined
        ? '(ours)'
        : `${s.toFixed(2)}× faster (time ${(1 / s).toFixed(2)}×; per round ${(1 / p).toFixed(2)}×)`;
    lines.push(`  ${c.name.padEnd(28)} ${c.nsPerOp.toFixed(1).padStart(12)}   ${format(c.opsPerSecond).padStart(12)}   ${ratio}`);
  }
  const t = o.target;
  if (t !== undefined) {
    const want = (t.higherIsBetter ?? true) ? `speed ≥ ${t.ratio}× ${t.peer}` : `time ≤ ${t.ratio}× ${t.peer}'s`;
    const p = r.pairedSpeedup[t.peer] ?? NaN;
    const got = (t.higherIsBetter ?? true) ? `${p.toFixed(2)}×` : `${(1 / p).toFixed(2)}×`;
    lines.push(
      `  target: ${want}${t.note === undefined ? '' : ` (${t.note})`}, judged on the per-round ratio ${got}: ${r.targetMet === true ? 'MET' : 'NOT MET'}`,
    );
  }
  console.log(lines.join('\n'));
}

/** One line per comparison with its target, for the end of `pnpm bench`. */
export function summary(): string {
  const rows = allResults
    .filter((r) => r.targetMet !== undefined)
    .map((r) => `  ${r.targetMet === true ? 'MET    ' : 'NOT MET'}  ${r.title}`);
  return rows.length === 0 ? '' : `\n## Targets\n${rows.join('\n')}`;
}

/** What `pnpm bench --json FILE` writes: every comparison of this process, with the machine and date. */
export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly os: string; readonly node: string };
  readonly note: string;
  readonly results: readonly CompareResult[];
}

/** The report of every comparison run so far in this process (see {@link BenchReport}). */
export function report(note: string): BenchReport {
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, os: `${type()} ${release()} ${arch()}`, node: process.version },
    note,
    results: allResults,
  };
}
