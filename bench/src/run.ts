/**
 * `pnpm bench [--json FILE] [name…]`: runs every suite in ./suites (or the named
 * ones) in one process, one after the other, then prints the target summary.
 * With `--json FILE` it also writes every comparison, with the machine and date,
 * to FILE (relative to the directory pnpm was started in); the docs site draws
 * its Performance charts from such a file.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { report, summary } from './harness.js';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt === -1 ? undefined : args[jsonAt + 1];
if (jsonAt !== -1 && (jsonFile === undefined || jsonFile.startsWith('--'))) {
  console.error('bench: --json needs a file name (pnpm bench --json results.json)');
  process.exit(2);
}
const wanted = jsonAt === -1 ? args : args.filter((_, i) => i !== jsonAt && i !== jsonAt + 1);
const dir = new URL('./suites/', import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
const chosen = wanted.length === 0 ? files : files.filter((f) => wanted.includes(f.replace(/\.bench\.ts$/, '')));
if (chosen.length === 0) {
  console.error(`no bench suite named ${wanted.join(', ')}; have: ${files.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}`);
  process.exit(2);
}
for (const file of chosen) {
  console.log(`\n# ${file.replace(/\.bench\.ts$/, '')}`);
  const suite = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  await suite.default();
}
console.log(summary());
if (jsonFile !== undefined) {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), jsonFile);
  const note = process.env.BENCH_NOTE ?? 'ratios measured side by side in one process; absolute times depend on the machine and its load';
  await writeFile(path, `${JSON.stringify(report(note), null, 2)}\n`);
  console.log(`\nbench: wrote ${path}`);
}
