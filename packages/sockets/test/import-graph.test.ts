/**
 * The import graph of every package's `src`, built with the TypeScript
 * compiler's own pre-processor (static imports, `import type`, re-exports and
 * literal dynamic `import()`s alike): no package may have an import cycle, and
 * inside @iolib/sockets the layers import only downward
 * (types ← core ← ops ← socket ← api, interop ← index).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runFixture } from './support.js';

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** file → the files of the same package it imports (relative specifiers only). */
function graph(src: string): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(src)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
    edges.set(file, targets);
  }
  return edges;
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Layer rank of a file of @iolib/sockets' src: a file may import only files of a lower or its own rank. */
const RANKS: readonly (readonly [RegExp, number])[] = [
  [/^types\.ts$/, 0],
  [/^core\//, 1],
  [/^ops\//, 2],
  [/^socket\//, 3],
  [/^api\//, 4],
  [/^interop\//, 4],
  [/^(index|internal)\.ts$/, 5],
];

function rank(path: string): number {
  const hit = RANKS.find(([re]) => re.test(path));
  if (hit === undefined) throw new Error(`${path} is in no layer of @iolib/sockets`);
  return hit[1];
}

describe('import graph', () => {
  const names = readdirSync(packages, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it('covers every package', () => {
    expect(names).toEqual(expect.arrayContaining(['address', 'dns', 'interfaces', 'iolib', 'iomux', 'sockets', 'syscalls']));
  });

  it.each(names)('@iolib/%s has no import cycle, type imports included', (name) => {
    const src = join(packages, name, 'src');
    const found = cycles(graph(src)).map((scc) => scc.map((f) => relative(src, f)));
    expect(found).toEqual([]);
  });

  it('finds a cycle of type imports (the check itself can fail)', () => {
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([[a, b]]);
    const text = "import type { B } from './b.js';\nexport type { C } from './c.js';\nconst d = import('./d.js');";
    expect(ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)).toEqual(['./b.js', './c.js', './d.js']);
  });

  it('@iolib/sockets imports only downward: types ← core ← ops ← socket ← api, interop ← index', () => {
    const src = join(packages, 'sockets', 'src');
    const upward: string[] = [];
    for (const [file, targets] of graph(src)) {
      for (const target of targets) {
        const from = relative(src, file);
        const to = relative(src, target);
        if (rank(to) > rank(from)) upward.push(`${from} → ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the ops layer works alone: a process that never loads the socket classes opens, connects and accepts', async () => {
    const r = await runFixture('ops-alone.ts');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('accepted 127.0.0.1 true\n');
    expect(r.code).toBe(0);
  });
});
