import { describe, expect, it } from 'vitest';
import { makeSocket } from '../../src/index.js';
import { runFixture } from '../support.js';

describe('process lifetime like Node handles (child processes)', () => {
  it.each([
    ['listening', 'alive, hasRef true\n'],
    ['listening-reref', 'ref returns the socket: true\nalive\n'],
    ['message', 'message late\n'],
    ['flowing', 'data late\n'],
  ])('%s: keeps the process alive until it is done', async (scenario, out) => {
    const r = await runFixture('lifetime-child.ts', [scenario]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
    expect(r.code).toBe(0);
  });

  it.each([
    ['listening-unref', 'unref returns the socket: true, hasRef false\n'],
    ['message-removed', ''],
    ['message-unref', ''],
    ['closed-listener', ''],
  ])('%s: lets the process exit', async (scenario, out) => {
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
