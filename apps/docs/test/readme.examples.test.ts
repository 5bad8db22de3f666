import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import datagramPair from '../examples/readme/datagram-pair.js';

describe('README example', () => {
  it('round-trips "hello" over a Unix datagram socketpair', async () => {
    expect(await datagramPair()).toBe('hello');
  });

  it('is the code the README shows', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const line of [
      "await a.sendTo(Buffer.from('hello'));",
      'const { buffer, bytes } = await b.receiveFrom({ size: 64 });',
      "const [a, b] = await makeSocketPair({ type: 'datagram' });",
    ]) {
      expect(readme).toContain(line);
    }
  });
});
