/**
 * Protocols (manual §2.6): `/etc/protocols`, or the built-in IANA table when
 * the file is missing. Names and aliases compare case-sensitively.
 */
import { UnknownProtocolError } from './errors.js';
import { IANA_PROTOCOLS } from './iana-data.js';
import { checkPath, checkString } from './check.js';
import { WatchedFiles } from './watched-file.js';

/** What {@link lookupProtocol} returns. */
export interface ProtocolEntry {
  readonly number: number;
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * Parses protocols(5) text.
 *
 * @param text - the file's contents
 * @returns the entries in file order (malformed lines skipped)
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * parseProtocols('tcp 6 TCP\n')[0] // { number: 6, name: 'tcp', aliases: ['TCP'] }
 * ```
 */
export function parseProtocols(text: string): ProtocolEntry[] {
  checkString('parseProtocols', 'text', text);
  const out: ProtocolEntry[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (line === '') continue;
    const [name = '', num, ...aliases] = line.split(/[ \t]+/);
    if (num === undefined || !/^\d{1,5}$/.test(num) || Number(num) > 65535) continue;
    out.push({ number: Number(num), name, aliases });
  }
  return out;
}

const BUILTIN = parseProtocols(IANA_PROTOCOLS);
const files = new WatchedFiles<ProtocolEntry[] | undefined>(parseProtocols, undefined);

/** Options of {@link lookupProtocol}. */
export interface LookupProtocolOptions {
  /** Read this file instead of `/etc/protocols`. */
  readonly protocolsFile?: string;
}

/**
 * Looks up a protocol by name, alias or number (IOLib's `lookup-protocol`). A
 * numeric string is looked up by number.
 *
 * @param protocol - `'tcp'`, an alias such as `'TCP'`, a number, or a numeric string
 * @param options - `protocolsFile` to read instead of `/etc/protocols`
 * @returns `{ number, name, aliases }`
 * @throws {UnknownProtocolError} when no entry matches (`datum` is `protocol`)
 * @throws {TypeError} when `protocol` is neither a string nor a number
 * @throws {RangeError} when a number is outside 0–65535
 * @example
 * ```ts
 * lookupProtocol('udp') // { number: 17, name: 'udp', aliases: ['UDP'] }
 * lookupProtocol(6).name // 'tcp'
 * ```
 */
export function lookupProtocol(protocol: string | number, options: LookupProtocolOptions = {}): ProtocolEntry {
  let number: number | undefined;
  if (typeof protocol === 'number') number = protocol;
  else if (typeof protocol !== 'string') throw new TypeError(`lookupProtocol: ${String(protocol)} is not a string or a protocol number`);
  else if (/^\d+$/.test(protocol)) number = Number(protocol);
  if (number !== undefined && (!Number.isInteger(number) || number < 0 || number > 65535)) {
    throw new RangeError(`lookupProtocol: protocol number ${JSON.stringify(protocol)} is not an integer in 0–65535`);
  }
  const path = options.protocolsFile ?? '/etc/protocols';
  checkPath('lookupProtocol', 'protocolsFile', path);
  for (const e of files.get(path) ?? BUILTIN) {
    if (number !== undefined ? e.number === number : e.name === protocol || e.aliases.includes(protocol as string)) return e;
  }
  throw new UnknownProtocolError(protocol);
}
