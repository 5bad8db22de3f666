/**
 * Ancillary data, cmsg(3): build the `msg_control` bytes of sendmsg(2)
 * (`SCM_RIGHTS` fd passing, `SCM_CREDENTIALS`, any level/type) and parse what
 * recvmsg(2) returns. The parser walks the bytes like `CMSG_NXTHDR`: it stops at
 * the first header that is shorter than a `cmsghdr` or runs past the data, so it
 * never loops forever on malformed input and never reads out of bounds.
 *
 * @example
 * ```ts
 * const m = new MsgHdr(1).setBuffer(Buffer.from('x')).setControl(encodeRights([pipeFd]));
 * syscall('sendmsg', () => sendmsg(sock, m.buffer, MSG_NOSIGNAL));
 * ```
 */
import { SCM_CREDENTIALS, SCM_RIGHTS, SOL_SOCKET } from './constants.js';
import { CMSGHDR_SIZE, UCRED_SIZE } from './structs.js';
import { checkFd } from './arguments.js';

const ALIGN = 8; // sizeof(size_t): CMSG_ALIGN on LP64 Linux

/** One ancillary data item: `cmsg_level`, `cmsg_type` and its data bytes. */
export interface ControlMessage {
  readonly level: number;
  readonly type: number;
  readonly data: Uint8Array;
}

/** A parsed ancillary data item; `data` is a fresh Buffer (a copy). */
export interface ReceivedControlMessage extends ControlMessage {
  readonly data: Buffer;
}

/** `struct ucred`: a process's credentials (unix(7) `SCM_CREDENTIALS`, `SO_PEERCRED`). */
export interface Ucred {
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * `CMSG_ALIGN(n)`: round up to the alignment of `size_t` (8).
 *
 * @param n - a byte count
 * @returns `n` rounded up to a multiple of 8
 * @example
 * ```ts
 * cmsgAlign(12); // 16
 * ```
 */
export function cmsgAlign(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/**
 * `CMSG_LEN(n)`: the `cmsg_len` of an item with `n` data bytes.
 *
 * @param n - data bytes
 * @returns header plus data, unpadded
 * @example
 * ```ts
 * cmsgLen(4); // 20: one fd
 * ```
 */
export function cmsgLen(n: number): number {
  return CMSGHDR_SIZE + n;
}

/**
 * `CMSG_SPACE(n)`: the bytes an item with `n` data bytes occupies (padded);
 * size receive control buffers with it.
 *
 * @param n - data bytes
 * @returns header plus padded data
 * @example
 * ```ts
 * const control = Buffer.alloc(cmsgSpace(4 * 8)); // room for 8 fds
 * ```
 */
export function cmsgSpace(n: number): number {
  return CMSGHDR_SIZE + cmsgAlign(n);
}

/**
 * Encode ancillary data items into one `msg_control` buffer, each at `CMSG_SPACE` spacing.
 *
 * @param items - the items to send
 * @returns the control bytes (pass to `MsgHdr.setControl`)
 * @example
 * ```ts
 * encodeControlMessages([{ level: SOL_SOCKET, type: SCM_RIGHTS, data: new Uint8Array(new Int32Array([fd]).buffer) }]);
 * ```
 */
export function encodeControlMessages(items: readonly ControlMessage[]): Buffer {
  let total = 0;
  for (const item of items) total += cmsgSpace(item.data.byteLength);
  const out = Buffer.alloc(total);
  let at = 0;
  for (const item of items) {
    out.writeBigUInt64LE(BigInt(cmsgLen(item.data.byteLength)), at);
    out.writeInt32LE(item.level, at + 8);
    out.writeInt32LE(item.type, at + 12);
    out.set(item.data, at + CMSGHDR_SIZE);
    at += cmsgSpace(item.data.byteLength);
  }
  return out;
}

/**
 * An `SCM_RIGHTS` control buffer passing file descriptors (unix(7)).
 *
 * @param fds - the fds to pass (at most 253, `SCM_MAX_FD`)
 * @returns the control bytes
 * @throws {RangeError} for no fd, too many, or a number that is not an fd (a `TypeError` for a non-number)
 * @example
 * ```ts
 * new MsgHdr(1).setBuffer(Buffer.from('x')).setControl(encodeRights([pipeFd]));
 * ```
 */
export function encodeRights(fds: readonly number[]): Buffer {
  if (fds.length === 0 || fds.length > 253) throw new RangeError(`SCM_RIGHTS carries 1–253 fds, got ${fds.length}`);
  const data = Buffer.alloc(4 * fds.length);
  fds.forEach((fd, i) => {
    checkFd('encodeRights', fd, `fds[${i}]`);
    data.writeInt32LE(fd, 4 * i);
  });
  return encodeControlMessages([{ level: SOL_SOCKET, type: SCM_RIGHTS, data }]);
}

/**
 * An `SCM_CREDENTIALS` control buffer (unix(7)); the kernel checks the values
 * (your own pid/uid/gid unless privileged).
 *
 * @param cred - `{ pid, uid, gid }`
 * @returns the control bytes
 * @example
 * ```ts
 * encodeCredentials({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!() });
 * ```
 */
export function encodeCredentials(cred: Ucred): Buffer {
  const data = Buffer.alloc(UCRED_SIZE);
  data.writeInt32LE(cred.pid, 0);
  data.writeUInt32LE(cred.uid, 4);
  data.writeUInt32LE(cred.gid, 8);
  return encodeControlMessages([{ level: SOL_SOCKET, type: SCM_CREDENTIALS, data }]);
}

/**
 * Parse the `msg_control` bytes recvmsg(2) filled in. Each item's data is a
 * copy, so the control buffer can be reused at once.
 *
 * @param control - the control buffer
 * @param length - `msg_controllen` after the call (default: the whole buffer)
 * @returns the items, in order; parsing stops at the first malformed header
 * @throws {RangeError} when `length` exceeds the buffer
 * @example
 * ```ts
 * for (const c of decodeControlMessages(m.control!, m.controlLength))
 *   if (c.level === SOL_SOCKET && c.type === SCM_RIGHTS) fds.push(...decodeRights(c.data));
 * ```
 */
export function decodeControlMessages(control: Uint8Array, length: number = control.byteLength): ReceivedControlMessage[] {
  if (!Number.isInteger(length) || length < 0 || length > control.byteLength) {
    throw new RangeError(`control length ${String(length)} is outside 0–${control.byteLength}`);
  }
  const view = new DataView(control.buffer, control.byteOffset, length);
  const items: ReceivedControlMessage[] = [];
  let at = 0;
  while (at + CMSGHDR_SIZE <= length) {
    const len = view.getBigUint64(at, true);
    if (len < BigInt(CMSGHDR_SIZE) || len > BigInt(length - at)) break;
    const end = at + Number(len);
    items.push({
      level: view.getInt32(at + 8, true),
      type: view.getInt32(at + 12, true),
      data: Buffer.from(control.subarray(at + CMSGHDR_SIZE, end)),
    });
    at += cmsgAlign(Number(len));
  }
  return items;
}

/**
 * The fds of an `SCM_RIGHTS` item's data. They are open in this process now:
 * close them when done.
 *
 * @param data - the item's data (a multiple of 4 bytes)
 * @returns the fd numbers
 * @throws {RangeError} when the length is not a multiple of 4
 * @example
 * ```ts
 * const [fd] = decodeRights(item.data);
 * ```
 */
export function decodeRights(data: Uint8Array): number[] {
  if (data.byteLength % 4 !== 0) throw new RangeError(`SCM_RIGHTS data of ${data.byteLength} bytes is not a multiple of 4`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fds: number[] = [];
  for (let i = 0; i < data.byteLength; i += 4) fds.push(view.getInt32(i, true));
  return fds;
}

/**
 * The `struct ucred` of an `SCM_CREDENTIALS` item, or of `SO_PEERCRED`'s value.
 *
 * @param data - 12 bytes
 * @returns `{ pid, uid, gid }`
 * @throws {RangeError} when there are fewer than 12 bytes
 * @example
 * ```ts
 * const { pid } = decodeCredentials(item.data);
 * ```
 */
export function decodeCredentials(data: Uint8Array): Ucred {
  if (data.byteLength < UCRED_SIZE) throw new RangeError(`struct ucred needs ${UCRED_SIZE} bytes, got ${data.byteLength}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { pid: view.getInt32(0, true), uid: view.getUint32(4, true), gid: view.getUint32(8, true) };
}
