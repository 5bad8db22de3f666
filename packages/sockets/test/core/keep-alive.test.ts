import { describe, expect, it } from 'vitest';
import { makeSocket } from '../../src/index.js';
import { runFixture } from '../support.js';

describe('process lifetime like Node handles (child processes)', () => {
  it.each([
    // Kept alive until done: the unref'd timer fires and prints.
    ['listening', 'alive, hasRef true\n'],
    ['listening-reref', 'ref returns the socket: true\nalive\n'],
    ['message', 'message late\n'],
    ['flowing', 'data late\n'],
    // Let the process exit: the unref'd timer never fires.
    ['listening-unref', 'unref returns the socket: true, hasRef false\n'],
    ['message-removed', ''],
    ['message-unref', ''],
    ['closed-listener', ''],
  ])('%s', async (scenario, out) => {
    const r = await runFixture('lifetime-child.ts', [scenario]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
    expect(r.code).toBe(0);
  });
});

describe('ref / unref / hasRef', () => {
  it('hasRef is true for a new socket of every kind; unref and ref return the socket', async () => {
    const sockets = [
      await makeSocket({ type: 'datagram' }),
      await makeSocket({ type: 'stream' }),
      await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }),
    ];
    for (const s of sockets) {
      expect(s.hasRef()).toBe(true);
      expect(s.unref()).toBe(s);
      expect(s.hasRef()).toBe(false);
      expect(s.ref()).toBe(s);
      expect(s.hasRef()).toBe(true);
      s.close();
    }
  });
});
