/**
 * Build the site for the tests, or reuse the build a previous test run made
 * from the same inputs: a digest of every input file (the packages' sources,
 * the pages, examples, generator and config, the bench results) is stored in
 * `dist/.inputs-digest` after a build, and a build is only repeated when it differs.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const docsDir = fileURLToPath(new URL('../../', import.meta.url));
export const distDir = join(docsDir, 'dist');
const repoDir = join(docsDir, '../..');
const SKIP = new Set(['node_modules', 'dist', 'cache', 'api', 'generated', 'test']);

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await files(path)));
    else found.push(path);
  }
  return found;
}

/** Digest of the site's inputs: names and contents, in a stable order. */
export async function inputsDigest(): Promise<string> {
  const roots = [
    join(repoDir, 'packages'),
    join(docsDir, 'pages'),
    join(docsDir, 'examples'),
    join(docsDir, 'src'),
    join(docsDir, '.vitepress'),
  ];
  const all = (await Promise.all(roots.map(files))).flat();
  all.push(
    ...['bench-results.json', 'iolib-names.json', 'package.json', 'tsconfig.typedoc.json'].map((f) => join(docsDir, f)),
    join(repoDir, 'tsconfig.base.json'),
  );
  const hash = createHash('sha256');
  for (const file of all.sort()) {
    hash
      .update(relative(repoDir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Make sure `dist/` holds a build of the current inputs; returns whether it built. */
export async function ensureSiteBuilt(): Promise<boolean> {
  const digest = await inputsDigest();
  const stamp = join(distDir, '.inputs-digest');
  if ((await readFile(stamp, 'utf8').catch(() => '')) === digest) return false;
  await promisify(execFile)('pnpm', ['run', 'docs:build'], { cwd: docsDir, maxBuffer: 64 * 1024 * 1024 });
  await writeFile(stamp, digest);
  return true;
}
