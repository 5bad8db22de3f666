/**
 * Test helper: run one of the CPython peers in `fixtures/` (`unix_peer.py`,
 * `mcast_peer.py`), wait for its "ready" line, and collect its JSON lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A running peer: `ready` resolves once it is bound; `done` with its JSON lines when it exits 0. */
export interface PythonPeer {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly done: Promise<unknown[]>;
}

/**
 * Start `fixtures/<script>` with `args` (optionally as `prefix` + python3, e.g. `ip netns exec NS`).
 * Commands that print no "ready" line resolve `ready` at once.
 */
export function python(script: string, args: readonly string[], options: { prefix?: readonly string[]; waitReady?: boolean } = {}): PythonPeer {
  const argv = [...(options.prefix ?? []), 'python3', `${fixtures}${script}`, ...args];
  const child = spawn(argv[0] ?? 'python3', argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = options.waitReady === false ? Promise.resolve() : new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.split('\n').includes('ready')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const done = new Promise<unknown[]>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      markReady();
      if (code !== 0) reject(new Error(`${script} ${args.join(' ')} exited with ${String(code)}: ${err}`));
      else resolve(out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as unknown));
    });
  });
  return { child, ready, done };
}
