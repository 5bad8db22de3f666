/**
 * The "Coming from IOLib" table, from one mapping file (`iolib-names.json`:
 * every name of the IOLib manual's index → its TypeScript name and package),
 * each TypeScript name linked to its API page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** One manual name's TypeScript spelling (`ResolverError.datum` for a condition's datum reader). */
export interface IolibName {
  readonly typescript: string;
  readonly package: string;
}

const here = new URL('../', import.meta.url);

/** The mapping file, manual name → TypeScript name and package. */
export async function readIolibNames(): Promise<Record<string, IolibName>> {
  return JSON.parse(await readFile(new URL('iolib-names.json', here), 'utf8')) as Record<string, IolibName>;
}

/** The manual index's names, one per line, as committed in `iolib-index-names.txt`. */
export async function readIndexNames(): Promise<string[]> {
  return (await readFile(new URL('iolib-index-names.txt', here), 'utf8')).split('\n').filter((l) => l !== '');
}

const PAGE_KINDS = ['functions', 'classes', 'interfaces', 'type-aliases'];

/** The site path of `name`'s API page in `pkg` (its own page, else the package's page), found in the generated `pages/api/`. */
export function apiLink(pkg: string, name: string): string {
  const kind = PAGE_KINDS.find((k) => existsSync(new URL(`pages/api/${pkg}/${k}/${name}.md`, here)));
  return kind === undefined ? `/api/${pkg}/` : `/api/${pkg}/${kind}/${name}`;
}

/** The Markdown table, in the manual's (alphabetical) order. */
export function iolibTable(names: Record<string, IolibName>): string {
  const rows = Object.entries(names)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([lisp, { typescript, package: pkg }]) => {
      const [owner = typescript, member] = typescript.split('.');
      const shown = member === undefined ? `\`${typescript}\`` : `\`${owner}\` \`.${member}\``;
      return `| \`${lisp.replace(/\|/g, '\\|')}\` | [${shown}](${apiLink(pkg, owner)}) | \`${pkg}\` |`;
    });
  return ['| IOLib (manual index) | TypeScript | package |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
