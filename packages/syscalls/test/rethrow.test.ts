import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHILD_TIMEOUT_MS } from '../../../test-support/index.js';

const run = promisify(execFile);

describe('rethrowLater', () => {
  it('throws the error from the next tick, where it reaches uncaughtException', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/rethrow.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--conditions=@iolib/source', '--import', 'tsx', fixture], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      timeout: CHILD_TIMEOUT_MS,
    });
    expect(stdout).toBe('after\nuncaught from a callback\n');
  });
});
