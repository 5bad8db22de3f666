// What a user downloads, checked tarball by tarball (scripts/check-packages.sh runs it
// on the output of `pnpm -r --filter './packages/*' pack`):
//   - LICENSE is the repository's LICENSE, CHANGELOG.md (written by changesets) is there,
//     README.md starts with `# name`, then its install line, then an example importing
//     the package;
//   - license MIT, repository (with this package's directory), homepage, bugs;
//   - keywords of its own: no two packages share the same set;
//   - "os": ["linux"] on every package but @iolib/address (pure TypeScript);
//   - no scripts (they only work inside the monorepo: .pnpmfile.cjs drops them) and no
//     `workspace:` specifier left in a dependency;
//   - `@internal` members gone from the published types (tsconfig.build.json stripInternal).
// Each README's example is written to EXAMPLES-DIR/readme-FOLDER.mjs, for check-packages.sh to
// run where the tarballs are installed.
// Usage: node --import tsx scripts/check-tarballs.ts DIR-WITH-TGZ-FILES EXAMPLES-DIR
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  name: string;
  license?: string;
  repository?: { url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  keywords?: string[];
  os?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const [dir = '', examples = ''] = process.argv.slice(2);
const license = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
const problems: string[] = [];
const keywordSets = new Map<string, string>();
let repositoryUrl: string | undefined;

const read = (tgz: string, path: string): string => execFileSync('tar', ['-xzOf', tgz, `package/${path}`], { encoding: 'utf8' });

/** Members that `@internal` hides, by declaration file: they must not reach the published types. */
const internalMembers: Record<string, Record<string, RegExp>> = {
  '@iolib/iomux': { 'dist/watcher.d.ts': /\bdeliver\(/, 'dist/timer.d.ts': /\bheapIndex\b/ },
};

const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
if (tarballs.length === 0) problems.push(`no tarballs in ${dir}`);
for (const file of tarballs) {
  const tgz = join(dir, file);
  const files = new Set(
    execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
      .split('\n')
      .map((f) => f.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(read(tgz, 'package.json')) as Manifest;
  const fail = (what: string): number => problems.push(`${pkg.name} (${file}): ${what}`);
  const folder = pkg.repository?.directory?.replace(/^packages\//, '') ?? '';

  if (!files.has('LICENSE') || read(tgz, 'LICENSE') !== license) fail('LICENSE missing or not the repository LICENSE');
  if (!files.has('CHANGELOG.md') || !read(tgz, 'CHANGELOG.md').startsWith(`# ${pkg.name}\n`))
    fail('CHANGELOG.md missing or not titled with the name');
  if (pkg.license !== 'MIT') fail(`license is ${String(pkg.license)}, not MIT`);
  if (!pkg.repository?.url || !/^packages\/[a-z]+$/.test(pkg.repository.directory ?? '')) fail('repository lacks url or directory');
  repositoryUrl ??= pkg.repository?.url;
  if (pkg.repository?.url !== repositoryUrl) fail(`repository ${String(pkg.repository?.url)} differs from ${repositoryUrl ?? ''}`);
  if (!pkg.homepage?.includes(`packages/${folder}`)) fail(`homepage ${String(pkg.homepage)} is not this package's`);
  if (!pkg.bugs?.url) fail('no bugs url');
  if (!Array.isArray(pkg.keywords) || pkg.keywords.length < 4) fail('fewer than 4 keywords');
  const keywords = [...(pkg.keywords ?? [])].sort().join(',');
  if (keywordSets.has(keywords)) fail(`same keywords as ${String(keywordSets.get(keywords))}`);
  keywordSets.set(keywords, pkg.name);
  const wantOs = pkg.name === '@iolib/address' ? undefined : '["linux"]';
  if (JSON.stringify(pkg.os) !== wantOs) fail(`os is ${JSON.stringify(pkg.os)}, want ${String(wantOs)}`);
  if (pkg.scripts) fail(`ships scripts: ${Object.keys(pkg.scripts).join(', ')}`);
  for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    if (spec.startsWith('workspace:')) fail(`dependency ${name} is ${spec}`);
  }
  const readme = files.has('README.md') ? read(tgz, 'README.md') : '';
  const blocks = [...readme.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');
  if (!readme.startsWith(`# ${pkg.name}\n`)) fail('README.md does not start with "# NAME"');
  if (blocks[0]?.trim() !== `npm install ${pkg.name}`) fail('README.md: the first code block is not the install line');
  if (!blocks[1]?.includes(`from '${pkg.name}'`)) fail('README.md: the second code block is not an example importing the package');
  else writeFileSync(join(examples, `readme-${folder}.mjs`), blocks[1]);
  for (const [path, member] of Object.entries(internalMembers[pkg.name] ?? {})) {
    if (!files.has(path)) fail(`${path} missing`);
    else if (member.test(read(tgz, path))) fail(`${path} still declares the @internal ${member.source}`);
  }
}
for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
console.log(`tarballs: ${tarballs.length} checked (LICENSE, CHANGELOG, README, metadata, os, keywords, no scripts, @internal stripped)`);
