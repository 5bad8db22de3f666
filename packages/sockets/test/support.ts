/**
 * Test helpers: closing sockets after each test, temporary Unix socket paths,
 * unique abstract names, and running a fixture in a child node process.
 * (fd leak checks: `test-support/index.ts` at the repository root.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Close after each test every socket passed to the returned `keep(socket)` (which returns it). */
export function closeAfterEach(): <T extends { close(): void }>(socket: T) => T {
  const open: { close(): void }[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return (socket) => {
    open.push(socket);
    return socket;
  };
}

/** A fresh temporary directory, removed after the suite. */
export function tmpDir(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iolib-sockets-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

let counter = 0;
/** An abstract socket name no other test uses. */
export function abstractName(tag: string): string {
  counter++;
  return `iolib-test-${process.pid}-${tag}-${counter}`;
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Run `fixtures/<name>` in a child node (sources through tsx), resolving its stdout/stderr. */
export function runFixture(
  name: string,
  args: readonly string[] = [],
  nodeFlags: readonly string[] = [],
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeFlags, '--conditions=@iolib/source', '--import', 'tsx', join(fixtures, name), ...args],
      { cwd: root, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ stdout, stderr, code });
      },
    );
  });
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Run `body` with `uncaughtException` caught into an array (vitest's own
 * listeners set aside meanwhile), for tests of errors rethrown later.
 */
export async function catchingUncaught(body: (caught: unknown[]) => Promise<void>): Promise<void> {
  const caught: unknown[] = [];
  const onUncaught = (e: unknown): void => void caught.push(e);
  const listeners = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', onUncaught);
  try {
    await body(caught);
  } finally {
    process.off('uncaughtException', onUncaught);
    for (const l of listeners) process.on('uncaughtException', l);
  }
}
