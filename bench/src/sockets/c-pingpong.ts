/**
 * The physical limit of the sockets bench: the 64-byte ping-pong in C
 * (bench/c/pingpong.c, compiled here with gcc), blocking calls in two
 * processes, so the two ends run on two cores.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contender } from '../harness.js';
import { SIZE } from '../ping-size.js';

let cBinary: string | null | undefined;

/** The C program, compiled on first use; `null` without gcc. */
function compileC(): string | null {
  if (cBinary !== undefined) return cBinary;
  const src = fileURLToPath(new URL('../../c/pingpong.c', import.meta.url));
  const out = join(tmpdir(), `iolib-pingpong-${process.pid}`);
  try {
    execFileSync('gcc', ['-O2', '-o', out, src], { stdio: 'pipe' });
    cBinary = out;
  } catch (e) {
    console.warn(`sockets bench: gcc could not build ${src} (${String(e)}); the C contender is left out`);
    cBinary = null;
  }
  return cBinary;
}

/**
 * The C contender for `mode`, or none when gcc could not build it.
 *
 * @param mode - the socket kind
 * @returns the contender, or an empty list
 */
export function cPingPong(mode: 'tcp' | 'udp' | 'unix'): Contender[] {
  const bin = compileC();
  if (bin === null) return [];
  return [
    {
      name: `C blocking, 2 processes (${mode})`,
      run(ops) {
        execFileSync(bin, [mode, String(ops), String(SIZE)], { stdio: 'pipe' });
      },
    },
  ];
}

/** Remove the compiled program (the next run compiles again). */
export function removeC(): void {
  if (typeof cBinary === 'string' && existsSync(cBinary) && statSync(cBinary).isFile()) rmSync(cBinary);
  cBinary = undefined;
}
