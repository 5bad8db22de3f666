/**
 * `/etc/hosts` (hosts(5)): one address and its names per line, `#` comments.
 * Lines with an invalid address or no name are skipped. Names compare
 * case-insensitively (RFC 4343; IOLib compared them case-sensitively).
 */
import { tryParseAddress } from '@iolib/address';
import type { InetAddress } from '@iolib/address';
import { nameKey } from './name-codec.js';
import { RECHECK_MS } from './resolv-conf.js';
import { checkPath, checkString } from './check.js';
import { WatchedFiles } from './watched-file.js';

/** One line of a hosts file. */
export interface HostsEntry {
  readonly address: InetAddress;
  readonly family: 4 | 6;
  /** Canonical name first, then the aliases. */
  readonly names: readonly string[];
}

/** A parsed hosts file, indexed by name and by address. */
export interface HostsTable {
  readonly entries: readonly HostsEntry[];
  /** Lowercased name → entries naming it, in file order. */
  readonly byName: ReadonlyMap<string, readonly HostsEntry[]>;
  /** Address text → the first entry with that address. */
  readonly byAddress: ReadonlyMap<string, HostsEntry>;
}

/**
 * Parses the text of a hosts file.
 *
 * @param text - the file's contents
 * @returns the entries and their indexes
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * parseHosts('192.0.2.5 myhost.example.test myhost\n').byName.get('myhost')?.[0]?.names[0] // 'myhost.example.test'
 * ```
 */
export function parseHosts(text: string): HostsTable {
  checkString('parseHosts', 'text', text);
  const entries: HostsEntry[] = [];
  const byName = new Map<string, HostsEntry[]>();
  const byAddress = new Map<string, HostsEntry>();
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (line === '') continue;
    const [addressText = '', ...names] = line.split(/[ \t]+/);
    if (names.length === 0) continue;
    const address = tryParseAddress(addressText);
    if (address === null) continue;
    const entry: HostsEntry = { address, family: address.family === 'ipv4' ? 4 : 6, names };
    entries.push(entry);
    for (const n of new Set(names.map(nameKey))) {
      const list = byName.get(n);
      if (list === undefined) byName.set(n, [entry]);
      else list.push(entry);
    }
    const key = address.toString();
    if (!byAddress.has(key)) byAddress.set(key, entry);
  }
  return { entries, byName, byAddress };
}

const EMPTY: HostsTable = { entries: [], byName: new Map(), byAddress: new Map() };
const files = new WatchedFiles(parseHosts, EMPTY);

/**
 * The hosts table in `path`, checked now and re-read when the file changed; an empty table when the file is missing.
 *
 * @param path - the file (default `/etc/hosts`)
 * @returns the current table
 * @throws {TypeError} when `path` is not a file name (naming it)
 * @example
 * ```ts
 * loadHosts().byName.has('localhost') // true
 * ```
 */
export function loadHosts(path = '/etc/hosts'): HostsTable {
  checkPath('loadHosts', 'path', path);
  return files.get(path);
}

/**
 * The hosts table as lookups see it: like {@link loadHosts}, but the file is
 * checked at most every {@link RECHECK_MS} milliseconds.
 *
 * @param path - the file (default `/etc/hosts`)
 * @returns the table
 * @throws {TypeError} when `path` is not a file name (naming it)
 * @example
 * ```ts
 * currentHosts().entries.length
 * ```
 */
export function currentHosts(path = '/etc/hosts'): HostsTable {
  checkPath('currentHosts', 'path', path);
  return files.get(path, RECHECK_MS);
}
