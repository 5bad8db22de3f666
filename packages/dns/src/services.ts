/**
 * Services (manual §2.5): `/etc/services`, or the built-in IANA table when the
 * file is missing. Names and aliases compare case-sensitively, as in IOLib and
 * the C library.
 */
import { UnknownServiceError } from './errors.js';
import { IANA_SERVICES } from './iana-data.js';
import { checkPath, checkString } from './check.js';
import { WatchedFiles } from './watched-file.js';

/** What {@link lookupService} returns. */
export interface ServiceEntry {
  readonly port: number;
  /** The canonical name (also when found by alias or number). */
  readonly name: string;
  /** The entry's protocol, e.g. `'tcp'`. */
  readonly protocol: string;
  readonly aliases: readonly string[];
}

/** The protocols {@link lookupService} can be asked for. */
export type ServiceProtocol = 'tcp' | 'udp' | 'any';

/**
 * Parses services(5) text.
 *
 * @param text - the file's contents
 * @returns the entries in file order (malformed lines skipped)
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * parseServices('http 80/tcp www\n')[0] // { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }
 * ```
 */
export function parseServices(text: string): ServiceEntry[] {
  checkString('parseServices', 'text', text);
  const out: ServiceEntry[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (line === '') continue;
    const [name = '', portProto, ...aliases] = line.split(/[ \t]+/);
    const m = portProto === undefined ? null : /^(\d{1,5})\/([A-Za-z0-9_-]+)$/.exec(portProto);
    const [, port = '', proto = ''] = m ?? [];
    if (m === null || Number(port) > 65535) continue;
    out.push({ port: Number(port), name, protocol: proto.toLowerCase(), aliases });
  }
  return out;
}

const BUILTIN = parseServices(IANA_SERVICES);
const files = new WatchedFiles<ServiceEntry[] | undefined>(parseServices, undefined);

/** Options of {@link lookupService}. */
export interface LookupServiceOptions {
  /** Read this file instead of `/etc/services`. */
  readonly servicesFile?: string;
}

/**
 * Looks up a service by name, alias or port (IOLib's `lookup-service`). A
 * numeric string is looked up by number.
 *
 * @param service - a name (`'http'`), an alias (`'www'`), a port number or a numeric string
 * @param protocol - `'tcp'` (default), `'udp'` or `'any'` (the first entry of any protocol)
 * @param options - `servicesFile` to read instead of `/etc/services`
 * @returns `{ port, name, protocol, aliases }` of the entry found
 * @throws {UnknownServiceError} when no entry matches (`datum` is `service`)
 * @throws {TypeError} when `protocol` is not one of the three, or `service` is not a string or an integer
 * @throws {RangeError} when a port number is outside 0–65535
 * @example
 * ```ts
 * lookupService('http') // { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }
 * lookupService(53, 'udp').name // 'domain'
 * ```
 */
export function lookupService(
  service: string | number,
  protocol: ServiceProtocol = 'tcp',
  options: LookupServiceOptions = {},
): ServiceEntry {
  if (!['tcp', 'udp', 'any'].includes(protocol)) {
    throw new TypeError(`lookupService: protocol ${JSON.stringify(protocol)} is not 'tcp', 'udp' or 'any'`);
  }
  let port: number | undefined;
  if (typeof service === 'number') port = service;
  else if (typeof service !== 'string') throw new TypeError(`lookupService: service ${String(service)} is not a string or a port number`);
  else if (/^\d+$/.test(service)) port = Number(service);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new RangeError(`lookupService: port ${JSON.stringify(service)} is not an integer in 0–65535`);
  }
  const path = options.servicesFile ?? '/etc/services';
  checkPath('lookupService', 'servicesFile', path);
  const entries = files.get(path) ?? BUILTIN;
  for (const e of entries) {
    if (protocol !== 'any' && e.protocol !== protocol) continue;
    if (port !== undefined ? e.port === port : e.name === service || e.aliases.includes(service as string)) return e;
  }
  throw new UnknownServiceError(service, protocol);
}
