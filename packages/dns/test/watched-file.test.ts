import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WatchedFile, WatchedFiles } from '../src/watched-file.js';

const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-watched-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('WatchedFile', () => {
  it('parses once, re-parses when the file changes, and gives the missing value while it is gone', () => {
    const path = join(dir, 'one');
    let parses = 0;
    const w = new WatchedFile(
      path,
      (t) => {
        parses++;
        return t.trim();
      },
      'missing',
    );
    expect(w.get()).toBe('missing');
    writeFileSync(path, 'first\n');
    expect([w.get(), w.get(), parses]).toEqual(['first', 'first', 1]);
    writeFileSync(path, 'second, longer\n');
    expect([w.get(), parses]).toEqual(['second, longer', 2]);
    rmSync(path);
    expect(w.get()).toBe('missing');
  });

  it('trusts a recent check for maxAge milliseconds', () => {
    const path = join(dir, 'two');
    writeFileSync(path, 'a');
    const w = new WatchedFile(path, (t) => t, '');
    expect(w.get()).toBe('a');
    writeFileSync(path, 'bb');
    expect(w.get(60_000)).toBe('a');
    expect(w.get()).toBe('bb');
  });

  it('a parser that throws gives the missing value', () => {
    const path = join(dir, 'three');
    writeFileSync(path, 'x');
    expect(
      new WatchedFile(
        path,
        () => {
          throw new Error('bad');
        },
        'fallback',
      ).get(),
    ).toBe('fallback');
  });
});

describe('WatchedFiles', () => {
  it('keeps one watched file per path', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    writeFileSync(a, 'A');
    writeFileSync(b, 'B');
    let parses = 0;
    const files = new WatchedFiles((t) => {
      parses++;
      return t;
    }, '');
    expect([files.get(a), files.get(b), files.get(a), files.get(join(dir, 'none'))]).toEqual(['A', 'B', 'A', '']);
    expect(parses).toBe(2);
  });
});
