/**
 * CPython's `socket` module as an independent peer: run a script with
 * `python3 -c`, read its stdout lines as they come.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running python peer: its first stdout line (e.g. a port), and its end. */
export interface PythonPeer {
  readonly child: ChildProcessWithoutNullStreams;
  /** The next line python prints. */
  line(): Promise<string>;
  /** Everything else it prints, and its exit code, once it ends. */
  done(): Promise<{ stdout: string; stderr: string; code: number | null }>;
}

/**
 * Start `python3 -c script args…`.
 *
 * @param script - the program
 * @param args - its `sys.argv[1:]`
 * @returns the peer
 */
export function python(script: string, args: readonly (string | number)[] = []): PythonPeer {
  const child = spawn('python3', ['-c', script, ...args.map(String)]);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on('line', (l) => {
    const w = waiting.shift();
    if (w === undefined) lines.push(l);
    else w(l);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      resolve(code);
    }),
  );
  return {
    child,
    line: () => {
      const l = lines.shift();
      return l === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(l);
    },
    done: async () => {
      const code = await exited;
      return { stdout: lines.splice(0).join('\n'), stderr, code };
    },
  };
}
