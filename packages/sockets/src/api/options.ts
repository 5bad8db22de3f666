/**
 * Socket options over socket objects: `getOption` / `setOption`, typed by
 * option name (`SocketOptionValues`).
 */
import { coreOf } from '../core/handle.js';
import { getOption as getCore, setOption as setCore } from '../ops/options.js';
import type { Socket } from '../socket/classes.js';
import type { SocketOptionName, SocketOptionValues } from '../types.js';

/**
 * Read a socket option (IOLib's `socket-option`).
 *
 * System call: `getsockopt(2)`.
 *
 * @param socket - an open socket
 * @param name - a typed option name (`'reuseAddress'`, `'tcpNodelay'`, `'linger'`, `'receiveTimeout'`, …)
 * @returns the value: booleans, integers, `{ enabled, seconds }` for `linger`, seconds for timeouts
 * @throws {SocketOptionNotSupportedError} for an unknown or write-only option, or one the kernel rejects
 * @throws {SocketError} `EBADF` when the socket is closed
 * @example
 * ```ts
 * getOption(s, 'tcpKeepidle'); // 7200
 * ```
 */
export function getOption<K extends SocketOptionName>(socket: Socket, name: K): SocketOptionValues[K] {
  return getCore(coreOf(socket, 'getOption'), name);
}

/**
 * Write a socket option (IOLib's `(setf socket-option)`).
 *
 * System call: `setsockopt(2)`.
 *
 * @param socket - an open socket
 * @param name - a typed option name
 * @param value - its value (seconds for timeouts, `{ enabled, seconds }` for `linger`)
 * @returns `value`
 * @throws {TypeError} when `value` has the wrong type for the option
 * @throws {SocketOptionNotSupportedError} for an unknown or read-only option, or one the kernel rejects
 * @throws {SocketError} `EBADF` when closed; `EINVAL`/`EPERM` as the kernel says
 * @example
 * ```ts
 * setOption(s, 'tcpNodelay', true);
 * ```
 */
export function setOption<K extends SocketOptionName>(socket: Socket, name: K, value: SocketOptionValues[K]): SocketOptionValues[K] {
  return setCore(coreOf(socket, 'setOption'), name, value);
}
