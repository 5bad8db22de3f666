/**
 * Test helper: two network namespaces joined by a veth pair, made with
 * iproute2 as root and removed after the suite. Namespace `ours` holds
 * 10.77.0.1/24 and fd77::1/64 on `ourIf`; `theirs` holds .2 and .3 (fd77::2, ::3)
 * on `theirIf`, so a peer can send from two different sources. When not root
 * (or iproute2 / netns are missing) `skip` holds the printed reason.
 */
import { execFileSync } from 'node:child_process';
import { afterAll } from 'vitest';
import { hasIp } from '../../../test-support/index.js';

export interface NetnsPair {
  readonly ours: string;
  readonly theirs: string;
  readonly ourIf: string;
  readonly theirIf: string;
  /** `ip netns exec <ns>`, to put before a command. */
  inOurs: readonly string[];
  inTheirs: readonly string[];
  /** Why the suite is skipped, or `''`. */
  skip: string;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

/** Set up the pair now (so `it.skipIf(pair.skip !== '')` sees the outcome) and remove it after the calling suite; names are unique (pid and a random suffix). */
export function netnsPair(tag: string): NetnsPair {
  const id = `${process.pid.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const ours = `iolib-${tag}-a-${id}`;
  const theirs = `iolib-${tag}-b-${id}`;
  const pair: NetnsPair = {
    ours,
    theirs,
    ourIf: `va${id}`.slice(0, 15),
    theirIf: `vb${id}`.slice(0, 15),
    inOurs: ['ip', 'netns', 'exec', ours],
    inTheirs: ['ip', 'netns', 'exec', theirs],
    skip: '',
  };
  if (process.getuid?.() !== 0) pair.skip = 'not running as root (network namespaces need CAP_SYS_ADMIN)';
  else if (!hasIp()) pair.skip = 'iproute2 is not installed';
  let made = false;
  if (pair.skip === '') {
    try {
      ip('netns', 'add', ours);
      ip('netns', 'add', theirs);
      made = true;
      ip('link', 'add', pair.ourIf, 'netns', ours, 'type', 'veth', 'peer', 'name', pair.theirIf, 'netns', theirs);
      for (const [ns, dev, v4, v6] of [
        [ours, pair.ourIf, ['10.77.0.1/24'], ['fd77::1/64']],
        [theirs, pair.theirIf, ['10.77.0.2/24', '10.77.0.3/24'], ['fd77::2/64', 'fd77::3/64']],
      ] as const) {
        ip('-n', ns, 'link', 'set', 'lo', 'up');
        ip('-n', ns, 'link', 'set', dev, 'up');
        for (const a of v4) ip('-n', ns, 'addr', 'add', a, 'dev', dev);
        for (const a of v6) ip('-n', ns, 'addr', 'add', a, 'dev', dev, 'nodad');
      }
    } catch (e) {
      pair.skip = `cannot build the namespaces: ${String((e as { stderr?: unknown }).stderr ?? e).trim()}`;
    }
  }
  if (pair.skip !== '') console.warn(`${tag} netns suite skipped: ${pair.skip}`);
  afterAll(() => {
    if (!made) return;
    for (const ns of [ours, theirs]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  });
  return pair;
}
