/** The config-file suites' setup: the path of a fixture, and a scratch directory removed after the suite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** The path of test/fixtures/`name`. */
export const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A fresh directory, removed after the calling suite. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-config-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
