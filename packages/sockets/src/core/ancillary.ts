/**
 * Ancillary data of `sendMessage` / `receiveMessage`: checking what a caller
 * asks to send (`fds`, `credentials`), sizing the receive control buffer, and
 * reading what recvmsg(2) returned into fds, credentials and the packet's
 * destination. Received fds beyond the caller's `maxFds` are closed here, at
 * once: they never reach JavaScript as numbers nobody owns.
 */
import { IPv4Address, IPv6Address } from '@iolib/address';
import { checkFd } from '@iolib/syscalls/internal';
import type { Credentials, PacketDestination } from '../types.js';
import {
  IN6_PKTINFO_SIZE,
  IN_PKTINFO_SIZE,
  IPPROTO_IP,
  IPPROTO_IPV6,
  IPV6_PKTINFO,
  IP_PKTINFO,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  SOL_SOCKET,
  UCRED_SIZE,
  cmsgSpace,
  decodeControlMessages,
  decodeCredentials,
  decodeIn6Pktinfo,
  decodeInPktinfo,
  decodeRights,
  encodeCredentials,
  encodeRights,
  sysClose,
} from './sys.js';

/** Most fds one `SCM_RIGHTS` message carries (`SCM_MAX_FD`). */
const MAX_FDS = 253;
/** `maxFds` when the caller does not say. */
const DEFAULT_MAX_FDS = 16;

/** What the control data of one received message held. */
export interface ReceivedAncillary {
  readonly fds: number[];
  readonly credentials: Credentials | undefined;
  readonly destination: PacketDestination | undefined;
  /** More fds arrived than `maxFds` (the extras were closed). */
  readonly extraFds: boolean;
}

/** This process's own credentials (what the kernel accepts from an unprivileged sender). */
function ownCredentials(): Credentials {
  return { pid: process.pid, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

function checkId(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new TypeError(`${op}: credentials.${name} must be an integer in 0–4294967295, got ${String(value)}`);
  }
  return value;
}

/**
 * The control bytes of a message to send: `SCM_RIGHTS` for `fds`, `SCM_CREDENTIALS`
 * for `credentials` (`true`: this process's own).
 *
 * @returns the bytes, or `null` when there is nothing to send
 * @throws {TypeError} for a value that is not an fd list / credentials object; {RangeError} for a bad count or fd number
 */
export function sendControl(fds: unknown, credentials: unknown, op: string): Buffer | null {
  const parts: Buffer[] = [];
  if (fds !== undefined) {
    if (!Array.isArray(fds)) throw new TypeError(`${op}: fds must be an array of file descriptors, got ${typeof fds}`);
    if (fds.length === 0 || fds.length > MAX_FDS)
      throw new RangeError(`${op}: fds holds ${fds.length} file descriptors; one message carries 1–${MAX_FDS}`);
    fds.forEach((fd: unknown, i) => {
      checkFd(op, fd, `fds[${i}]`);
    });
    parts.push(encodeRights(fds as number[]));
  }
  if (credentials !== undefined && credentials !== false) {
    let cred: Credentials;
    if (credentials === true) cred = ownCredentials();
    else if (typeof credentials === 'object' && credentials !== null) {
      const c = credentials as Partial<Credentials>;
      cred = { pid: checkId(c.pid, 'pid', op), uid: checkId(c.uid, 'uid', op), gid: checkId(c.gid, 'gid', op) };
    } else throw new TypeError(`${op}: credentials must be true or { pid, uid, gid }, got ${typeof credentials}`);
    parts.push(encodeCredentials(cred));
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : Buffer.concat(parts);
}

/**
 * Check a `maxFds` option.
 *
 * @returns the number (default {@link DEFAULT_MAX_FDS})
 * @throws {RangeError} unless an integer in 0–253
 */
export function checkMaxFds(maxFds: unknown, op: string): number {
  if (maxFds === undefined) return DEFAULT_MAX_FDS;
  if (typeof maxFds !== 'number' || !Number.isInteger(maxFds) || maxFds < 0 || maxFds > MAX_FDS) {
    throw new RangeError(`${op}: maxFds ${typeof maxFds === 'number' ? maxFds : typeof maxFds} is not an integer in 0–${MAX_FDS}`);
  }
  return maxFds;
}

/**
 * Room for the control data a receive can get: `maxFds` fds and credentials on a
 * local socket, packet information on an internet one.
 */
export function receiveControlSize(local: boolean, maxFds: number): number {
  if (!local) return cmsgSpace(IN6_PKTINFO_SIZE) + cmsgSpace(IN_PKTINFO_SIZE);
  return (maxFds > 0 ? cmsgSpace(4 * maxFds) : 0) + cmsgSpace(UCRED_SIZE);
}

/**
 * Read the control data recvmsg(2) returned. Every fd is accounted for: the
 * first `maxFds` are returned, the rest closed before this returns.
 */
export function readAncillary(control: Buffer, length: number, maxFds: number): ReceivedAncillary {
  const fds: number[] = [];
  let extraFds = false;
  let credentials: Credentials | undefined;
  let destination: PacketDestination | undefined;
  for (const item of decodeControlMessages(control, length)) {
    if (item.level === SOL_SOCKET && item.type === SCM_RIGHTS) {
      for (const fd of decodeRights(item.data.subarray(0, item.data.length - (item.data.length % 4)))) {
        if (fds.length < maxFds) fds.push(fd);
        else {
          extraFds = true;
          sysClose(fd);
        }
      }
    } else if (item.level === SOL_SOCKET && item.type === SCM_CREDENTIALS && item.data.length >= UCRED_SIZE) {
      credentials = decodeCredentials(item.data);
    } else if (item.level === IPPROTO_IP && item.type === IP_PKTINFO && item.data.length >= IN_PKTINFO_SIZE) {
      const info = decodeInPktinfo(item.data);
      destination = { address: new IPv4Address(info.address), interfaceIndex: info.ifindex };
    } else if (item.level === IPPROTO_IPV6 && item.type === IPV6_PKTINFO && item.data.length >= IN6_PKTINFO_SIZE) {
      const info = decodeIn6Pktinfo(item.data);
      destination = { address: new IPv6Address(info.address), interfaceIndex: info.ifindex };
    }
  }
  return { fds, credentials, destination, extraFds };
}

/** Close every fd of a list (received fds whose message cannot be delivered). */
export function closeAll(fds: readonly number[]): void {
  for (const fd of fds) sysClose(fd);
}
