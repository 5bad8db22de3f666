/**
 * Everything the site generates before VitePress builds it: the API reference
 * (`pages/api/`), the "Coming from IOLib" table, the address differences table
 * of `@iolib/address`'s README and the Performance charts (`generated/`,
 * included by their pages). Run by `pnpm docs:build` and
 * `pnpm docs:dev`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { buildApiReference } from './api-reference.js';
import { iolibTable, readIolibNames } from './iolib-table.js';
import { performanceMarkdown, readBenchResults } from './performance.js';
import { tableUnder } from './readme-sections.js';

const here = new URL('../', import.meta.url);
const started = Date.now();
await buildApiReference();
const generated = new URL('generated/', here);
await mkdir(generated, { recursive: true });
await writeFile(new URL('iolib-table.md', generated), iolibTable(await readIolibNames()));
const addressReadme = await readFile(new URL('../../packages/address/README.md', here), 'utf8');
await writeFile(new URL('address-differences.md', generated), tableUnder(addressReadme, 'Differences from IOLib'));
await writeFile(
  new URL('performance-charts.md', generated),
  performanceMarkdown(await readBenchResults(new URL('bench-results.json', here))),
);
console.log(`docs: API reference, IOLib table and charts generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
