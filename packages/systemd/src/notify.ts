/**
 * `notify`: the service-manager notification protocol of `sd_notify(3)`: one
 * datagram of `KEY=value` lines to the Unix socket named by `NOTIFY_SOCKET`.
 */
import { LocalAddress } from '@iolib/address';
import { sendTo, withOpenSocket } from '@iolib/sockets';
import { InvalidNotifyStateError, SystemdEnvironmentError } from './errors.js';

/** A notification: ready-made text (`'READY=1\nSTATUS=up'`) or fields (`{ READY: 1, STATUS: 'up' }`). */
export type NotifyState = string | Readonly<Record<string, string | number>>;

function field(key: string, value: unknown, state: object): string {
  if (key === '' || /[=\n]/.test(key))
    throw new InvalidNotifyStateError(state, `field name ${JSON.stringify(key)} is empty or holds "=" or a newline`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidNotifyStateError(state, `${key} is ${value}, not a finite number`);
    return `${key}=${value}`;
  }
  if (typeof value !== 'string')
    throw new InvalidNotifyStateError(state, `${key} is a ${typeof value}, not a string or number`, 'ERR_INVALID_ARG_TYPE');
  if (value.includes('\n')) throw new InvalidNotifyStateError(state, `${key} holds a newline`);
  return `${key}=${value}`;
}

/** The datagram's text for `state`. */
function encode(state: unknown): string {
  if (typeof state === 'string') {
    if (state === '') throw new InvalidNotifyStateError(state, 'empty');
    return state;
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new InvalidNotifyStateError(
      state,
      `expected a string or an object of fields, got ${Array.isArray(state) ? 'an array' : String(state === null ? null : typeof state)}`,
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const lines = Object.entries(state).map(([k, v]) => field(k, v, state));
  if (lines.length === 0) throw new InvalidNotifyStateError(state, 'no fields');
  return lines.join('\n');
}

/** The manager's socket: a path, or an abstract name written `@name`. */
function managerAddress(value: string): LocalAddress {
  if (value.startsWith('/')) return new LocalAddress(value);
  if (value.startsWith('@') && value.length > 1) return new LocalAddress(value.slice(1), true);
  throw new SystemdEnvironmentError('sd_notify', 'NOTIFY_SOCKET', value, 'neither an absolute path nor an @abstract name');
}

/**
 * Tell the service manager about this service's state (`READY=1`,
 * `STATUS=…`, `RELOADING=1`, `STOPPING=1`, `WATCHDOG=1`, `MAINPID=…`): one
 * datagram to the socket in `NOTIFY_SOCKET`, sent from a fresh unbound Unix
 * datagram socket, which the manager identifies by the kernel's credentials
 * of the sender (`SCM_CREDENTIALS`). The environment is left as it is.
 *
 * System calls: `socket(2)` (`AF_UNIX`, `SOCK_DGRAM`), `sendto(2)`, `close(2)`.
 *
 * @param state - the text, or fields sent as `KEY=value` lines in their order
 * @returns `true` when sent, `false` when `NOTIFY_SOCKET` is unset or empty (no manager)
 * @throws {InvalidNotifyStateError} for an empty state, a bad field name or a value with a newline
 * @throws {SystemdEnvironmentError} when `NOTIFY_SOCKET` is neither a path nor an `@abstract` name
 * @throws {SocketError} when the send fails (`ENOENT`, `ECONNREFUSED`: the manager's socket is gone)
 * @example
 * ```ts
 * await notify({ READY: 1, STATUS: 'listening on :8080' });
 * ```
 */
export async function notify(state: NotifyState): Promise<boolean> {
  const text = encode(state);
  const target = process.env.NOTIFY_SOCKET;
  if (target === undefined || target === '') return false;
  const remoteFilename = managerAddress(target);
  const datagram = Buffer.from(text);
  await withOpenSocket({ addressFamily: 'local', type: 'datagram' }, (s) => sendTo(s, datagram, { remoteFilename }));
  return true;
}
