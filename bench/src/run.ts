/**
 * `pnpm bench [name…]`: runs every suite in ./suites (or the named ones) in one
 * process, one after the other, then prints the target summary.
 */
import { readdir } from 'node:fs/promises';
import { summary } from './harness.js';

const dir = new URL('./suites/', import.meta.url);
const wanted = process.argv.slice(2);
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
