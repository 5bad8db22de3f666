/**
 * getsockopt(2) / setsockopt(2): typed socket options (`getOption` /
 * `setOption`), from the table in `core/option-table.ts`.
 */
import { SocketOptionNotSupportedError, socketError } from '../core/errors.js';
import { optionSpec } from '../core/option-table.js';
import type { SocketCore } from '../core/socket-core.js';
import { E, getsockopt, setsockopt, trySyscall } from '../core/sys.js';
import type { SocketOptionName, SocketOptionValues } from '../types.js';

const ENOPROTOOPT = E.ENOPROTOOPT ?? 92;
const EOPNOTSUPP = E.EOPNOTSUPP ?? 95;

function fail(syscall: string, errno: number, name: string, fd: number): Error {
  if (errno === ENOPROTOOPT || errno === EOPNOTSUPP) return new SocketOptionNotSupportedError(syscall, errno, { option: name, fd });
  return socketError(syscall, errno, { detail: name, fd });
}

function spec(name: string, op: string, core: SocketCore) {
  const s = optionSpec(name);
  if (s === undefined) {
    throw new SocketOptionNotSupportedError(op, ENOPROTOOPT, { option: `${name} (unknown option name)` });
  }
  return core.family === 'ipv6' ? (s.ipv6 ?? s) : s;
}

/**
 * Read a socket option (IOLib's `socket-option`).
 *
 * System call: `getsockopt(2)`.
 *
 * @param core - the core of an open socket
 * @param name - a typed option name (`'reuseAddress'`, `'tcpNodelay'`, `'linger'`, `'receiveTimeout'`, …)
 * @returns the value: booleans, integers, `{ enabled, seconds }` for `linger`, seconds for timeouts
 * @throws {SocketOptionNotSupportedError} for an unknown or write-only option, or one the kernel rejects
 * @throws {SocketError} `EBADF` when the socket is closed
 * @example
 * ```ts
 * getOption(core, 'tcpKeepidle'); // 7200
 * ```
 */
export function getOption<K extends SocketOptionName>(core: SocketCore, name: K): SocketOptionValues[K] {
  const s = spec(name, 'getsockopt', core);
  const fd = core.use('getOption');
  if (!s.get) throw new SocketOptionNotSupportedError('getsockopt', ENOPROTOOPT, { option: `${name} (write-only)`, fd });
  const buf = Buffer.alloc(s.codec.size);
  const len = new Uint32Array([buf.length]);
  const r = trySyscall(() => getsockopt(fd, s.level, s.optname, buf, len));
  if (r < 0) throw fail('getsockopt', -r, name, fd);
  return s.codec.decode(buf, len[0] ?? 0) as SocketOptionValues[K];
}

/**
 * Write a socket option (IOLib's `(setf socket-option)`).
 *
 * System call: `setsockopt(2)`.
 *
 * @param core - the core of an open socket
 * @param name - a typed option name
 * @param value - its value (seconds for timeouts, `{ enabled, seconds }` for `linger`)
 * @returns `value`
 * @throws {TypeError} when `value` has the wrong type for the option (or is not a valid interface name, for `bindToDevice`)
 * @throws {RangeError} when a number is outside what the kernel stores (32-bit integers, `linger` seconds, timeouts)
 * @throws {SocketOptionNotSupportedError} for an unknown or read-only option, or one the kernel rejects
 * @throws {SocketError} `EBADF` when closed; `EINVAL`/`EPERM` as the kernel says
 * @example
 * ```ts
 * setOption(core, 'tcpNodelay', true);
 * ```
 */
export function setOption<K extends SocketOptionName>(core: SocketCore, name: K, value: SocketOptionValues[K]): SocketOptionValues[K] {
  const s = spec(name, 'setsockopt', core);
  const fd = core.use('setOption');
  if (!s.set) throw new SocketOptionNotSupportedError('setsockopt', ENOPROTOOPT, { option: `${name} (read-only)`, fd });
  const buf = s.codec.encode(value, `setOption: socket option ${name}`);
  const r = trySyscall(() => setsockopt(fd, s.level, s.optname, buf, buf.length));
  if (r < 0) throw fail('setsockopt', -r, name, fd);
  return value;
}
