import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from '../src/api-reference.js';

describe('publishedPackages', () => {
  it('finds every published package, each after the packages it depends on', async () => {
    const packages = await publishedPackages();
    const names = packages.map((p) => p.name);
    for (const name of ['@iolib/address', '@iolib/syscalls', '@iolib/iomux', '@iolib/sockets', '@iolib/dns', '@iolib/interfaces'])
      expect(names).toContain(name);
    expect(names).not.toContain('@iolib/docs');
    for (const p of packages) {
      expect(p.entryPoint).toBe(`${p.dir}src/index.ts`);
      const manifest = JSON.parse(await readFile(`${p.dir}package.json`, 'utf8')) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(manifest.dependencies ?? {}).filter((d) => names.includes(d))) {
        expect(names.indexOf(dep), `${dep} before ${p.name}`).toBeLessThan(names.indexOf(p.name));
      }
    }
  });
});
