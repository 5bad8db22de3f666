/**
 * The Performance page's charts: reads a `pnpm bench --json` results file and
 * writes one captioned SVG bar chart per comparison, as Markdown to include.
 */
import { readFile } from 'node:fs/promises';
import { barChart, escapeXml } from './charts.js';

interface Contender {
  readonly name: string;
  readonly nsPerOp: number;
}
interface Comparison {
  readonly title: string;
  readonly unit: string;
  readonly results: readonly Contender[];
  readonly pairedSpeedup: Readonly<Record<string, number>>;
}
/** The shape `pnpm bench --json` writes (bench/src/harness.ts, `BenchReport`). */
export interface BenchResults {
  readonly date: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly os: string; readonly node: string };
  readonly note: string;
  readonly results: readonly Comparison[];
}

/** Read and check a results file; throws naming the file and what is wrong. */
export async function readBenchResults(file: URL): Promise<BenchResults> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Partial<BenchResults>;
  if (typeof data.date !== 'string' || data.machine === undefined || !Array.isArray(data.results) || data.results.length === 0) {
    throw new TypeError(`docs: ${file.pathname} is not a pnpm bench --json results file (needs date, machine and results)`);
  }
  return data as BenchResults;
}

/** Markdown for the Performance page: the machine, then one figure per comparison. */
export function performanceMarkdown(bench: BenchResults): string {
  const { machine } = bench;
  const day = bench.date.slice(0, 10);
  const parts = [`Measured on ${day}: ${machine.cpu}, ${machine.cores} cores, ${machine.os}, Node ${machine.node}. ${bench.note}`];
  for (const c of bench.results) {
    const [ours, ...peers] = c.results;
    if (ours === undefined) continue;
    const svg = barChart(c.title, c.unit, [
      { label: ours.name, ns: ours.nsPerOp, ours: true },
      ...peers.map((p) => ({
        label: p.name,
        ns: p.nsPerOp,
        ours: false,
        ...(c.pairedSpeedup[p.name] === undefined ? {} : { timesOurs: c.pairedSpeedup[p.name] }),
      })),
    ]);
    const caption = `${c.title}. Median time per ${c.unit} of each contender, all run interleaved round after round in one process; "× ours" is that contender's time divided by ${ours.name}'s in the same round (median over rounds): above 1 it is slower than ours.`;
    parts.push(`### ${c.title}`, `<figure class="chart">${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`);
  }
  return `${parts.join('\n\n')}\n`;
}
