import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (dir: string): string => fileURLToPath(new URL(dir, import.meta.url));

// Tests run against sources: the "@iolib/source" export condition points every
// workspace package at its src/index.ts, so no build is needed first.
const shared = {
  resolve: { conditions: ['@iolib/source'] },
  ssr: { resolve: { conditions: ['@iolib/source'] } },
};

// Under CI one retry, so a rare timing flake on a loaded machine does not block a landing;
// scripts/ci/vitest-lane.sh lists every test that needed it (with its first failure) in the
// lane's output and .ci/run's summary. Locally, no retry: a flake shows as a failure.
const retry = process.env.CI === 'true' ? 1 : 0;

const names = ['address', 'syscalls', 'iomux', 'sockets', 'dns', 'interfaces', 'systemd', 'iolib'];

export default defineConfig({
  root: here('./'),
  test: {
    projects: [
      ...names.map((name) => ({
        ...shared,
        test: {
          name,
          root: here(`packages/${name}/`),
          include: ['test/**/*.test.ts'],
          pool: 'forks' as const,
          testTimeout: 20_000,
          retry,
        },
      })),
      {
        ...shared,
        test: {
          name: 'docs',
          root: here('apps/docs/'),
          include: ['test/**/*.test.ts'],
          pool: 'forks' as const,
          testTimeout: 20_000,
          retry,
        },
      },
      { ...shared, test: { name: 'bench', root: here('bench/'), include: ['test/**/*.test.ts'], pool: 'forks' as const, retry } },
    ],
  },
});
