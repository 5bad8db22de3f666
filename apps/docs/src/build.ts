/**
 * `pnpm docs`: builds the documentation site into apps/docs/dist. For now one
 * page: every package README, the pages in ./pages, and every runnable example (the examples are
 * executed by apps/docs/test, so what the page shows is known to work).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';

const root = new URL('../../../', import.meta.url);
const here = new URL('../', import.meta.url);
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const sections: string[] = [];
for (const pkg of (await readdir(new URL('packages/', root))).sort()) {
  const readme = await readFile(new URL(`packages/${pkg}/README.md`, root), 'utf8').catch(() => '');
  const exampleDir = new URL(`examples/${pkg}/`, here);
  const examples = (await readdir(exampleDir).catch(() => [] as string[])).filter((f) => f.endsWith('.ts')).sort();
  const blocks = await Promise.all(
    examples.map(async (f) => `<h3>${escape(f)}</h3><pre><code>${escape(await readFile(new URL(f, exampleDir), 'utf8'))}</code></pre>`),
  );
  sections.push(`<section id="${pkg}"><h2>${pkg}</h2><pre>${escape(readme)}</pre>${blocks.join('')}</section>`);
}
const pagesDir = new URL('pages/', here);
for (const page of (await readdir(pagesDir)).filter((f) => f.endsWith('.md')).sort()) {
  const text = await readFile(new URL(page, pagesDir), 'utf8');
  sections.push(`<section id="${page.replace(/\.md$/, '')}"><pre>${escape(text)}</pre></section>`);
}
await mkdir(new URL('dist/', here), { recursive: true });
const html = `<!doctype html><meta charset="utf-8"><title>iolib</title><h1>iolib documentation</h1>${sections.join('\n')}`;
await writeFile(new URL('dist/index.html', here), html);
console.log(`docs: wrote apps/docs/dist/index.html (${sections.length} packages)`);
