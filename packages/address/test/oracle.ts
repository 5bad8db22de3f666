/// <reference types="node" />
/**
 * Test helpers: Python 3's `ipaddress` module as an oracle (one python3 run
 * per call, JSON in and out), and a seeded fast-check configuration.
 */
import { execFileSync } from 'node:child_process';

/** Whether python3 is available; tests that need it skip with a printed reason otherwise. */
export const havePython: boolean = (() => {
  try {
    execFileSync('python3', ['-c', 'import ipaddress'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('python3 with ipaddress not found: the Python-oracle tests are skipped');
    return false;
  }
})();

/**
 * Runs `body` (Python source defining `def f(x)`) on every input and returns
 * the results, in order. Exceptions become `{ error: 'ClassName' }`.
 */
export function python<O>(body: string, inputs: readonly unknown[]): O[] {
  const program = `
import ipaddress, json, sys
${body}
out = []
for x in json.load(sys.stdin):
    try:
        out.append(f(x))
    except Exception as e:
        out.append({'error': type(e).__name__})
json.dump(out, sys.stdout)
`;
  const text = execFileSync('python3', ['-c', program], { input: JSON.stringify(inputs), maxBuffer: 64 << 20 }).toString();
  return JSON.parse(text) as O[];
}

/** fast-check parameters: fixed seed so failures reproduce, enough runs to matter. */
export const FC = { seed: 0x10119, numRuns: 2000 } as const;
