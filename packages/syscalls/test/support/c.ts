/**
 * Test helpers: compile and run a small C program with gcc (the oracle for
 * constants and struct layouts). The compiler is `$CC` when set: the aarch64
 * lane sets `CC=aarch64-linux-gnu-gcc` and runs the probe through qemu's binfmt
 * entry (scripts/ci/aarch64.sh).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The C compiler: `$CC`, or gcc. */
const cc = process.env.CC ?? 'gcc';

/** Compile `source` with the C compiler in a fresh temp dir, run it, return its stdout as `name value` pairs. */
export function runC(source: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-syscalls-c-'));
  try {
    writeFileSync(join(dir, 'probe.c'), source);
    execFileSync(cc, ['-std=gnu11', '-Wall', '-Werror', '-o', join(dir, 'probe'), join(dir, 'probe.c')], { stdio: 'pipe' });
    const out = execFileSync(join(dir, 'probe'), { encoding: 'utf8' });
    const values = new Map<string, string>();
    for (const line of out.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) values.set(line.slice(0, space), line.slice(space + 1));
    }
    return values;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Is the C compiler on this machine? */
export function haveGcc(): boolean {
  try {
    execFileSync(cc, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
