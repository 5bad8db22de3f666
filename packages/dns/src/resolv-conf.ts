/**
 * `/etc/resolv.conf` (resolv.conf(5)): `nameserver`, `domain`, `search`,
 * `options ndots: timeout: attempts: rotate edns0 use-vc`. Re-read whenever the
 * file changes (inode, size or modification time).
 */
import { parseNameServer } from './nameserver.js';
import type { NameServer } from './nameserver.js';
import { checkPath, checkString } from './check.js';
import { WatchedFiles } from './watched-file.js';

/** The resolver configuration. */
export interface ResolvConf {
  /** Servers in file order; `127.0.0.1:53` when the file names none. */
  readonly nameservers: readonly NameServer[];
  /** Search list (`search`, or the one `domain`); the last of the two lines wins, as in glibc. */
  readonly search: readonly string[];
  /** Names with at least this many dots are tried as given first (default 1, at most 15). */
  readonly ndots: number;
  /** Seconds to wait for one reply (default 5, at most 30). */
  readonly timeout: number;
  /** Tries per server (default 2, at most 5). */
  readonly attempts: number;
  /** Spread queries over the servers round robin. */
  readonly rotate: boolean;
  /** Send EDNS0 (always on in this resolver; `options edns0` is accepted). */
  readonly edns0: boolean;
  /** Use TCP only. */
  readonly useVc: boolean;
}

/** The defaults glibc uses (except EDNS0, which this resolver always sends). */
export const DEFAULT_RESOLV_CONF: ResolvConf = Object.freeze({
  nameservers: Object.freeze([parseNameServer('127.0.0.1') as NameServer]),
  search: Object.freeze([]),
  ndots: 1,
  timeout: 5,
  attempts: 2,
  rotate: false,
  edns0: true,
  useVc: false,
});

function bounded(value: string, max: number, min: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  return Math.max(min, Math.min(max, Number(value)));
}

/**
 * Parses the text of a resolv.conf file. Unknown keywords and options are
 * ignored, as the C library does; `#` and `;` start comments.
 *
 * @param text - the file's contents
 * @returns the configuration, with defaults for what the text does not set
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * parseResolvConf('nameserver 127.0.0.1:15353\noptions ndots:2 timeout:1').ndots // 2
 * ```
 */
export function parseResolvConf(text: string): ResolvConf {
  checkString('parseResolvConf', 'text', text);
  const nameservers: NameServer[] = [];
  let search: string[] = [];
  let { ndots, timeout, attempts, rotate, edns0, useVc } = DEFAULT_RESOLV_CONF;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (line === '') continue;
    const [keyword = '', ...args] = line.split(/[ \t]+/);
    switch (keyword.toLowerCase()) {
      case 'nameserver': {
        const ns = args[0] === undefined ? undefined : parseNameServer(args[0]);
        if (ns !== undefined) nameservers.push(ns);
        break;
      }
      case 'domain':
        if (args[0] !== undefined) search = [args[0].replace(/\.$/, '')];
        break;
      case 'search':
        search = args.map((d) => d.replace(/\.$/, '')).filter((d) => d !== '');
        break;
      case 'options':
        for (const opt of args) {
          const [name, value = ''] = opt.split(':', 2) as [string, string?];
          if (name === 'ndots') ndots = bounded(value, 15, 0) ?? ndots;
          else if (name === 'timeout') timeout = bounded(value, 30, 1) ?? timeout;
          else if (name === 'attempts') attempts = bounded(value, 5, 1) ?? attempts;
          else if (name === 'rotate') rotate = true;
          else if (name === 'edns0') edns0 = true;
          else if (name === 'use-vc' || name === 'usevc') useVc = true;
        }
        break;
      default:
        break;
    }
  }
  return {
    nameservers: nameservers.length > 0 ? nameservers : DEFAULT_RESOLV_CONF.nameservers,
    search,
    ndots,
    timeout,
    attempts,
    rotate,
    edns0,
    useVc,
  };
}

const files = new WatchedFiles(parseResolvConf, DEFAULT_RESOLV_CONF);

/**
 * The configuration in `path`, checked now and re-read when the file changed
 * since it was last read. A missing or unreadable file gives the defaults.
 *
 * @param path - the file (default `/etc/resolv.conf`)
 * @returns the current configuration
 * @throws {TypeError} when `path` is not a file name (naming it)
 * @example
 * ```ts
 * loadResolvConf().nameservers[0]?.label // '127.0.0.53:53'
 * ```
 */
export function loadResolvConf(path = '/etc/resolv.conf'): ResolvConf {
  checkPath('loadResolvConf', 'path', path);
  return files.get(path);
}

/** How long lookups trust the last check of resolv.conf and the hosts file, in milliseconds. */
export const RECHECK_MS = 100;

/**
 * The configuration as lookups see it: like {@link loadResolvConf}, but the
 * file is checked at most every {@link RECHECK_MS} milliseconds.
 *
 * @param path - the file (default `/etc/resolv.conf`)
 * @returns the configuration
 * @throws {TypeError} when `path` is not a file name (naming it)
 * @example
 * ```ts
 * currentResolvConf().ndots
 * ```
 */
export function currentResolvConf(path = '/etc/resolv.conf'): ResolvConf {
  checkPath('currentResolvConf', 'path', path);
  return files.get(path, RECHECK_MS);
}
