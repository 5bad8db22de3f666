/**
 * Turns the IANA registries' CSV files (packages/address/data/) into the text
 * of src/iana-tables.ts. Pure: text in, text out, so the test can check that
 * the committed tables are what the committed CSV files give.
 */
import { parsePrefix } from '../src/index.js';

/** The CSV files, by their names under data/. */
export interface IanaCsv {
  /** iana-ipv4-special-registry-1.csv */
  readonly ipv4Special: string;
  /** iana-ipv6-special-registry-1.csv */
  readonly ipv6Special: string;
  /** ipv6-address-space-1.csv */
  readonly ipv6AddressSpace: string;
}

/** RFC 4180 records: fields split on commas, `"..."` quoting with `""` escapes, newlines allowed inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quoted CSV field');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Drops a registry footnote marker: `'False [1]'` → `'False'`. */
const withoutNote = (cell: string): string => cell.replace(/\s*\[\d+\]$/u, '').trim();

/** A flag column: True / False, or `null` for N/A and for the blank cells of terminated rows. */
function flag(cell: string): boolean | null {
  const v = withoutNote(cell);
  if (v === 'True') return true;
  if (v === 'False') return false;
  if (v === 'N/A' || v === '') return null;
  throw new Error(`unexpected flag ${JSON.stringify(cell)}`);
}

/** The RFC column as the tables print it: `'[RFC8880][RFC7050], Section 2.2'` → `'RFC 8880, RFC 7050 §2.2'`. */
export function rfcText(cell: string): string {
  const refs = [...cell.matchAll(/\[(RFC[^\]]*)\](?:,\s*Section\s+([0-9.]+))?/gu)].map(([, ref = '', section]) => {
    const name = ref.replace(/^RFC(\d)/u, 'RFC $1');
    return section === undefined ? name : `${name} §${section}`;
  });
  if (refs.length === 0) throw new Error(`no RFC in ${JSON.stringify(cell)}`);
  return refs.join(', ');
}

/**
 * The blocks of the first column: footnotes dropped, several blocks split,
 * each checked as a prefix; as the registry writes it, or in canonical text
 * (`'0000::/8'` → `'::/8'`).
 */
function blocks(cell: string, canonical: boolean): string[] {
  return withoutNote(cell)
    .split(',')
    .map((b) => {
      const text = withoutNote(b);
      const prefix = parsePrefix(text).toString();
      return canonical ? prefix : text;
    });
}

/** A single-quoted TypeScript string literal. */
const quote = (s: string): string => `'${s.replace(/[\\']/gu, (c) => `\\${c}`)}'`;

/** Checks the header and returns the data records. */
function rows(text: string, header: string): string[][] {
  const [head, ...data] = parseCsv(text);
  if (head?.join(',') !== header) throw new Error(`unexpected CSV header ${JSON.stringify(head?.join(','))}`);
  return data.filter((r) => r.some((cell) => cell !== ''));
}

const SPECIAL_HEADER =
  'Address Block,Name,RFC,Allocation Date,Termination Date,Source,Destination,Forwardable,Globally Reachable,Reserved-by-Protocol';
const SPACE_HEADER = 'IPv6 Prefix,Allocation,Reference,Notes';

type Flags = [boolean | null, boolean | null, boolean | null, boolean | null, boolean | null];

function specialRows(text: string): [string, string, string, Flags][] {
  return rows(text, SPECIAL_HEADER).flatMap(([block = '', name = '', rfc = '', , , ...f]) => {
    const flags = [0, 1, 2, 3, 4].map((i) => flag(f[i] ?? '')) as Flags;
    return blocks(block, false).map((prefix): [string, string, string, Flags] => [prefix, name, rfcText(rfc), flags]);
  });
}

/**
 * The "Reserved by IETF" blocks of the IPv6 Address Space registry, but not
 * fec0::/10: it is the deprecated site-local prefix (RFC 3879), which the
 * manual's `ipv6-site-local-unicast-p` and RFC 4291 §2.5.7 still name.
 */
function reservedBlocks(text: string): string[] {
  return rows(text, SPACE_HEADER)
    .filter(([, allocation = '', reference = '']) => allocation === 'Reserved by IETF' && reference !== '[RFC3879]')
    .flatMap(([prefix = '']) => blocks(prefix, true));
}

const flagText = (v: boolean | null): string => (v === null ? 'NA' : v ? 'T' : 'F');

function rowText([prefix, name, rfc, flags]: [string, string, string, Flags]): string {
  return `  [${quote(prefix)}, ${quote(name)}, ${quote(rfc)}, [${flags.map(flagText).join(', ')}]],`;
}

/**
 * The text of src/iana-tables.ts for the given CSV files.
 *
 * @param csv - the three registry files' text
 * @returns the TypeScript module text
 * @throws {Error} when a file does not have the registry's columns
 */
export function renderTables(csv: IanaCsv): string {
  const reserved = reservedBlocks(csv.ipv6AddressSpace).map((p) => `  ${quote(p)},`);
  return `// Generated by scripts/gen-iana.ts from data/*.csv: do not edit (run \`pnpm --filter @iolib/address gen:iana\`).
/**
 * The IANA registries as data: the IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 §2.2), one row per block, and the "Reserved by IETF"
 * blocks of the IPv6 Address Space registry (RFC 4291 §2.4).
 * @internal
 */

/** Source, Destination, Forwardable, Globally Reachable, Reserved-by-Protocol; \`null\` for N/A. @internal */
export type RegistryFlags = readonly [boolean | null, boolean | null, boolean | null, boolean | null, boolean | null];

/** Address block, name, RFC(s), flags. @internal */
export type RegistryRow = readonly [prefix: string, name: string, rfc: string, flags: RegistryFlags];

const T = true, F = false, NA = null;

/** iana-ipv4-special-registry-1.csv. @internal */
export const IPV4_SPECIAL_ROWS: readonly RegistryRow[] = [
${specialRows(csv.ipv4Special).map(rowText).join('\n')}
];

/** iana-ipv6-special-registry-1.csv. @internal */
export const IPV6_SPECIAL_ROWS: readonly RegistryRow[] = [
${specialRows(csv.ipv6Special).map(rowText).join('\n')}
];

/** ipv6-address-space-1.csv: "Reserved by IETF", without the deprecated site-local fec0::/10 (RFC 3879). @internal */
export const IPV6_RESERVED_BLOCKS: readonly string[] = [
${reserved.join('\n')}
];
`;
}
