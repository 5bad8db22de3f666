/**
 * `makeSocket`'s options and the manual's keyword matrix: which keywords belong
 * to which (family, type, connect) combination. A keyword outside its
 * combination is a `TypeError` naming it, as IOLib signals at runtime.
 */
import { interfaceNameFault } from '@iolib/address';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../types.js';

/** Everything `makeSocket` accepts. Which keys apply depends on the combination. */
export interface MakeSocketOptions {
  /** `'internet'` (default; IPv4 unless `ipv6` or an IPv6 host says otherwise), `'ipv4'`, `'ipv6'`, `'local'` or `'file'`. */
  readonly addressFamily?: 'internet' | 'ipv4' | 'ipv6' | 'local' | 'file';
  /** `'stream'` (default), `'datagram'`, or `'seqpacket'` (local sockets: connections that keep record boundaries). */
  readonly type?: 'stream' | 'datagram' | 'seqpacket';
  /** `'active'` (default) or `'passive'`; datagram sockets are always active. */
  readonly connect?: 'active' | 'passive';
  /** With `addressFamily: 'internet'`: make an IPv6 socket. */
  readonly ipv6?: boolean;
  readonly localHost?: HostDesignator;
  readonly localPort?: PortDesignator;
  readonly remoteHost?: HostDesignator;
  readonly remotePort?: PortDesignator;
  readonly localFilename?: FilenameDesignator;
  readonly remoteFilename?: FilenameDesignator;
  /** Listen queue length, 0–`MAX_BACKLOG_SIZE`; default `DEFAULT_BACKLOG_SIZE`. */
  readonly backlog?: number;
  /** `SO_REUSEADDR` before binding (default true). */
  readonly reuseAddress?: boolean;
  /** `SO_KEEPALIVE`. */
  readonly keepalive?: boolean;
  /** `TCP_NODELAY`. */
  readonly nodelay?: boolean;
  /** `SO_BINDTODEVICE`: an interface name such as `'lo'`. */
  readonly interface?: string;
  /** `SO_BROADCAST`. */
  readonly broadcast?: boolean;
  /** Stream read chunk size and readable high-water mark, in bytes. */
  readonly inputBufferSize?: number;
  /** Writable high-water mark, in bytes. */
  readonly outputBufferSize?: number;
  /** Default encoding of the stream (`setEncoding`). */
  readonly externalFormat?: BufferEncoding;
}

/** The manual's combination a `makeSocket` call resolved to. */
export interface Combination {
  readonly family: 'internet' | 'local';
  readonly type: 'stream' | 'datagram' | 'seqpacket';
  readonly connect: 'active' | 'passive';
}

const COMMON = ['addressFamily', 'type', 'connect', 'ipv6'];

/** Valid keywords per combination (manual §2.2.2, as IOLib 0.8.4 checks them). */
export const MATRIX: Readonly<Record<string, readonly string[]>> = {
  'internet stream active': [
    'localHost',
    'localPort',
    'remoteHost',
    'remotePort',
    'reuseAddress',
    'keepalive',
    'nodelay',
    'inputBufferSize',
    'outputBufferSize',
    'externalFormat',
  ],
  'internet stream passive': ['localHost', 'localPort', 'backlog', 'reuseAddress', 'interface', 'nodelay', 'externalFormat'],
  'local stream active': ['localFilename', 'remoteFilename', 'inputBufferSize', 'outputBufferSize', 'externalFormat'],
  'local stream passive': ['localFilename', 'backlog', 'reuseAddress', 'externalFormat'],
  'internet datagram active': ['localHost', 'localPort', 'remoteHost', 'remotePort', 'reuseAddress', 'interface', 'broadcast'],
  'local datagram active': ['localFilename', 'remoteFilename'],
  'local seqpacket active': ['localFilename', 'remoteFilename'],
  'local seqpacket passive': ['localFilename', 'backlog'],
};

/**
 * Resolve the combination of `options` and check that every given keyword
 * belongs to it.
 *
 * @param options - `makeSocket`'s options
 * @returns the combination
 * @throws {TypeError} for a bad `addressFamily`/`type`/`connect`, a passive
 *   datagram socket, or a keyword that does not belong to the combination
 * @example
 * ```ts
 * validateMakeSocketOptions({ type: 'datagram', backlog: 5 }); // TypeError naming "backlog"
 * ```
 */
export function validateMakeSocketOptions(options: MakeSocketOptions): Combination {
  if (typeof options !== 'object' || (options as unknown) === null) throw new TypeError('makeSocket: options must be an object');
  const af: unknown = options.addressFamily ?? 'internet';
  let family: Combination['family'];
  if (af === 'internet' || af === 'ipv4' || af === 'ipv6') family = 'internet';
  else if (af === 'local' || af === 'file') family = 'local';
  else throw new TypeError(`makeSocket: addressFamily must be 'internet', 'ipv4', 'ipv6', 'local' or 'file', got ${String(af)}`);
  const type: unknown = options.type ?? 'stream';
  if (type !== 'stream' && type !== 'datagram' && type !== 'seqpacket')
    throw new TypeError(`makeSocket: type must be 'stream', 'datagram' or 'seqpacket', got ${String(type)}`);
  if (type === 'seqpacket' && family !== 'local')
    throw new TypeError("makeSocket: seqpacket sockets are local only (addressFamily: 'local')");
  const connect: unknown = options.connect ?? 'active';
  if (connect !== 'active' && connect !== 'passive')
    throw new TypeError(`makeSocket: connect must be 'active' or 'passive', got ${String(connect)}`);
  if (type === 'datagram' && connect === 'passive')
    throw new TypeError("makeSocket: datagram sockets are always active (connect: 'passive' does not apply)");
  if (options.ipv6 !== undefined && typeof options.ipv6 !== 'boolean') throw new TypeError('makeSocket: ipv6 must be a boolean');
  if (af === 'ipv4' && options.ipv6 === true) throw new TypeError("makeSocket: ipv6: true contradicts addressFamily 'ipv4'");
  if (af === 'ipv6' && options.ipv6 === false) throw new TypeError("makeSocket: ipv6: false contradicts addressFamily 'ipv6'");
  const key = `${family} ${type} ${connect}`;
  const allowed = MATRIX[key] ?? [];
  for (const name of Object.keys(options)) {
    if ((options as Record<string, unknown>)[name] === undefined) continue;
    if (!COMMON.includes(name) && !allowed.includes(name)) {
      throw new TypeError(
        `makeSocket: option "${name}" does not apply to ${connect === 'active' ? 'an' : 'a'} ${connect} ${family} ${type} socket (valid: ${allowed.join(', ')})`,
      );
    }
  }
  if (options.remoteHost !== undefined && options.remotePort === undefined) {
    throw new TypeError('makeSocket: remoteHost given without remotePort (connecting needs a port; 0 is not one)');
  }
  checkBool(options, 'reuseAddress');
  checkBool(options, 'keepalive');
  checkBool(options, 'nodelay');
  checkBool(options, 'broadcast');
  checkSize(options, 'inputBufferSize');
  checkSize(options, 'outputBufferSize');
  if (options.interface !== undefined) {
    if (typeof options.interface !== 'string')
      throw new TypeError(`makeSocket: interface must be an interface name string, got ${typeof options.interface}`);
    const fault = interfaceNameFault(options.interface);
    if (fault !== null) {
      throw new TypeError(
        `makeSocket: interface ${JSON.stringify(options.interface)} is not an interface name: ${fault.reason} (at character ${fault.position})`,
      );
    }
  }
  if (options.externalFormat !== undefined && !Buffer.isEncoding(options.externalFormat)) {
    throw new TypeError(`makeSocket: externalFormat ${String(options.externalFormat)} is not a Node BufferEncoding`);
  }
  return { family, type, connect };
}

function checkBool(o: MakeSocketOptions, name: 'reuseAddress' | 'keepalive' | 'nodelay' | 'broadcast'): void {
  const v = o[name];
  if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`makeSocket: ${name} must be a boolean, got ${typeof v}`);
}

function checkSize(o: MakeSocketOptions, name: 'inputBufferSize' | 'outputBufferSize'): void {
  const v = o[name];
  if (v !== undefined && (!Number.isSafeInteger(v) || v <= 0 || v >= 2 ** 24)) {
    throw new TypeError(`makeSocket: ${name} must be a positive integer below 2^24, got ${String(v)}`);
  }
}
