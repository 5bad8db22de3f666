/**
 * `sendMessage` / `receiveMessage`: one sendmsg(2) / recvmsg(2) with
 * scatter/gather buffers and ancillary data (`SCM_RIGHTS`, `SCM_CREDENTIALS`,
 * `IP_PKTINFO` / `IPV6_PKTINFO`). Like `sendTo` / `receiveFrom`, each tries its
 * call first and parks itself on the socket on `EAGAIN`.
 */
import type { InetAddress } from '@iolib/address';
import { READABLE, WRITABLE } from '@iolib/iomux';
import {
  IPPROTO_IP, IPPROTO_IPV6, IPV6_RECVPKTINFO, IP_PKTINFO, MSG_CMSG_CLOEXEC, MSG_CTRUNC, MSG_DONTWAIT, MSG_MORE,
  MSG_NOSIGNAL, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, MsgHdr, SOL_SOCKET, SO_PASSCRED,
} from '@iolib/syscalls';
import { SOCKADDR_STORAGE, decodeName, isLocalName } from '../addressing.js';
import { toBytes } from '../buffers.js';
import type { SocketCore } from '../core.js';
import {
  checkMaxFds, closeAll, readAncillary, receiveControlSize, sendControl, type Credentials, type PacketDestination,
} from '../core/ancillary.js';
import { socketError } from '../errors.js';
import { coreOf } from '../handle.js';
import type { FilenameDesignator, HostDesignator, PortDesignator } from '../make-socket-options.js';
import { retryOp, type ParkedOp } from '../parked-op.js';
import { EAGAIN, EINTR, errno, recvmsg, sendmsg, setsockopt, trySyscall } from '../sys.js';
import { messageDestination } from './destination.js';
import { abortable, checkSignal } from './abort.js';

/** Options of {@link sendMessage}. */
export interface SendMessageOptions {
  /** The bytes: one buffer, or several sent as one message (gather). */
  readonly buffers: Uint8Array | readonly Uint8Array[];
  /** Unconnected internet datagram sockets: destination host (with `remotePort`). */
  readonly remoteHost?: HostDesignator;
  /** With `remoteHost`: destination port (required). */
  readonly remotePort?: PortDesignator;
  /** Unconnected local datagram sockets: destination path or `LocalAddress`. */
  readonly remoteFilename?: FilenameDesignator;
  /** Local sockets: file descriptors to pass (`SCM_RIGHTS`, 1–253); they stay open here. */
  readonly fds?: readonly number[];
  /** Local sockets: `SCM_CREDENTIALS`, `true` for this process's own, or `{ pid, uid, gid }` (checked by the kernel). */
  readonly credentials?: true | Credentials;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting when the buffer is full. */
  readonly dontWait?: boolean;
  /** `MSG_MORE`: more data follows (Linux). */
  readonly more?: boolean;
  /** `MSG_NOSIGNAL` (default `true`): a closed peer gives `EPIPE`, never `SIGPIPE`. */
  readonly noSignal?: boolean;
  /** Reject with the signal's reason when aborted before the message is sent. */
  readonly signal?: AbortSignal;
}

/** Options of {@link receiveMessage}: `buffers` (scatter) or `size`, ancillary data and flags. */
export interface ReceiveMessageOptions {
  /** Receive into these buffers, in order (scatter). */
  readonly buffers?: Uint8Array | readonly Uint8Array[];
  /** Without `buffers`: one zero-filled Buffer of this many bytes. */
  readonly size?: number;
  /** Local sockets: how many passed fds to take (0–253, default 16); more are closed and `controlTruncated` is set. */
  readonly maxFds?: number;
  /** Local sockets: turn `SO_PASSCRED` on, so messages carry the sender's credentials. */
  readonly credentials?: boolean;
  /** Internet sockets: turn `IP_PKTINFO` / `IPV6_RECVPKTINFO` on and report `destination`. */
  readonly packetInfo?: boolean;
  /** `MSG_PEEK`: leave the message queued (fds are passed again by each peek). */
  readonly peek?: boolean;
  /** `MSG_WAITALL`: stream sockets fill the buffers (or reach end of stream). */
  readonly waitAll?: boolean;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting. */
  readonly dontWait?: boolean;
  /** Reject with the signal's reason when aborted before a message arrives; nothing is consumed. */
  readonly signal?: AbortSignal;
}

/** What {@link receiveMessage} returns. */
export interface ReceiveMessageResult {
  /** Bytes stored in `buffers` (a datagram longer than the buffers: see `truncated`). */
  readonly bytes: number;
  /** The buffers given, or the one allocated. */
  readonly buffers: Buffer[];
  /** Internet datagram sockets: the sender's address. */
  readonly host?: InetAddress;
  /** Internet datagram sockets: the sender's port. */
  readonly port?: number;
  /** Local datagram sockets: the sender's name (`''` when unnamed). */
  readonly filename?: string;
  /** File descriptors passed with the message, close-on-exec, now the caller's to close. */
  readonly fds: number[];
  /** The sender's credentials (`SCM_CREDENTIALS`), when the message carried them. */
  readonly credentials?: Credentials;
  /** With `packetInfo`: the address the datagram was sent to and the interface it arrived on. */
  readonly destination?: PacketDestination;
  /** `MSG_TRUNC`: the datagram or record was longer than the buffers; the rest is lost. */
  readonly truncated: boolean;
  /** `MSG_CTRUNC`, or more fds than `maxFds` arrived: some ancillary data was dropped (extra fds closed). */
  readonly controlTruncated: boolean;
}

function bufferList(value: unknown, op: string): Buffer[] {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > 1024) throw new RangeError(`${op}: buffers holds ${value.length} buffers; one message takes 1–1024`);
    return value.map((b: unknown, i) => toBytes(b, `${op} buffers[${i}]`));
  }
  return [toBytes(value, `${op} buffers`)];
}

/**
 * Send one message: the bytes of `buffers` (gathered), passed file descriptors
 * and credentials, to the connected peer or to `remoteHost`/`remotePort` /
 * `remoteFilename`. A datagram or seqpacket message is sent whole or not at
 * all; a stream socket may take fewer bytes (the count says how many).
 *
 * System call: `sendmsg(2)` (`MSG_NOSIGNAL` unless `noSignal: false`).
 *
 * @param socket - an active socket (fds and credentials: local sockets only)
 * @param options - `buffers`, destination, `fds`, `credentials`, flags, `signal`
 * @returns the number of bytes sent
 * @throws {TypeError} for a bad buffer, destination, `fds` on an internet socket, or a missing `remotePort`
 * @throws {RangeError} for 0 or more than 253 fds, or a value that is not an fd
 * @throws {SocketError} `EAGAIN` with `dontWait`, `EPERM` for credentials not your own, `EBADF` (a closed fd or socket), …
 * @example
 * ```ts
 * await sendMessage(unixSocket, { buffers: [header, body], fds: [fileFd], credentials: true });
 * ```
 */
export function sendMessage(socket: unknown, options: SendMessageOptions): Promise<number> {
  try {
    const op = 'sendMessage';
    const core = coreOf(socket, op);
    if (typeof options !== 'object' || (options as unknown) === null) throw new TypeError(`${op}: options must be an object with buffers`);
    checkSignal(options.signal, op);
    const buffers = bufferList(options.buffers, op);
    if ((options.fds !== undefined || (options.credentials !== undefined && (options.credentials as unknown) !== false)) && core.family !== 'local') {
      throw new TypeError(`${op}: fds and credentials travel only over local (Unix) sockets; this is an ${core.family} socket`);
    }
    const control = sendControl(options.fds, options.credentials, op);
    let flags = options.noSignal === false ? 0 : MSG_NOSIGNAL;
    if (options.dontWait === true) flags |= MSG_DONTWAIT;
    if (options.more === true) flags |= MSG_MORE;
    const msg = new MsgHdr(buffers.length).setBuffers(buffers).setControl(control);
    const start = (dest: { sa: Buffer; details: object } | null): Promise<number> => {
      if (dest !== null) msg.setName(dest.sa);
      const send = new SendMessage(core, msg, flags, options.dontWait === true, dest?.details ?? {});
      const n = send.attempt();
      return n === undefined ? abortable(send, options.signal) : Promise.resolve(n);
    };
    const dest = messageDestination(core, options, op);
    return dest instanceof Promise ? dest.then(start) : start(dest);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** Sockets whose `SO_PASSCRED` / `IP_PKTINFO` this package turned on. */
const passCred = new WeakSet<SocketCore>();
const pktInfo = new WeakSet<SocketCore>();

function enable(core: SocketCore, set: WeakSet<SocketCore>, level: number, name: number, what: string): void {
  if (set.has(core)) return;
  const fd = core.use('receiveMessage');
  const r = trySyscall(() => setsockopt(fd, level, name, new Int32Array([1]), 4));
  if (r < 0) throw socketError('setsockopt', -r, { fd, detail: what });
  set.add(core);
}

/**
 * Receive one message: its bytes into `buffers` (scattered in order) or a new
 * Buffer of `size` bytes, with the fds passed along (at most `maxFds`; the
 * rest are closed), the sender's credentials and, for UDP with `packetInfo`,
 * the address the datagram was sent to and the interface it came in on.
 *
 * System call: `recvmsg(2)` with `MSG_CMSG_CLOEXEC` (plus `setsockopt(2)` once
 * for `credentials` → `SO_PASSCRED`, `packetInfo` → `IP_PKTINFO` / `IPV6_RECVPKTINFO`;
 * they stay on, and apply to what arrives from the first call that asks for them:
 * a datagram queued before has no interface index).
 *
 * @param socket - an active socket
 * @param options - `buffers` or `size`, `maxFds`, `credentials`, `packetInfo`, flags, `signal`
 * @returns `{ bytes, buffers, fds, truncated, controlTruncated }`, plus `host`/`port` or `filename`
 *   (datagram sockets), `credentials`, `destination`
 * @throws {TypeError} without `buffers` or `size`, `credentials` on an internet socket, `packetInfo` on a local one
 * @throws {RangeError} for a bad `size` or `maxFds`
 * @throws {SocketError} `EAGAIN` with `dontWait`, `EBADF` after close, …
 * @example
 * ```ts
 * const { buffers, fds, credentials } = await receiveMessage(unixSocket, { size: 512, maxFds: 3, credentials: true });
 * ```
 */
export function receiveMessage(socket: unknown, options: ReceiveMessageOptions): Promise<ReceiveMessageResult> {
  try {
    const op = 'receiveMessage';
    const core = coreOf(socket, op);
    if (typeof options !== 'object' || (options as unknown) === null) throw new TypeError(`${op}: options must be an object with buffers or size`);
    checkSignal(options.signal, op);
    let buffers: Buffer[];
    if (options.buffers !== undefined) buffers = bufferList(options.buffers, op);
    else if (options.size !== undefined) {
      if (!Number.isSafeInteger(options.size) || options.size < 0) throw new RangeError(`${op}: size ${String(options.size)} is not a non-negative integer`);
      buffers = [Buffer.alloc(options.size)];
    } else throw new TypeError(`${op}: give buffers or a size`);
    const local = core.family === 'local';
    const maxFds = checkMaxFds(options.maxFds, op);
    if (options.credentials === true) {
      if (!local) throw new TypeError(`${op}: credentials travel only over local (Unix) sockets; this is an ${core.family} socket`);
      enable(core, passCred, SOL_SOCKET, SO_PASSCRED, 'SO_PASSCRED');
    }
    if (options.packetInfo === true) {
      if (local) throw new TypeError(`${op}: packetInfo applies to internet sockets; this is a local socket`);
      if (core.family === 'ipv6') enable(core, pktInfo, IPPROTO_IPV6, IPV6_RECVPKTINFO, 'IPV6_RECVPKTINFO');
      else enable(core, pktInfo, IPPROTO_IP, IP_PKTINFO, 'IP_PKTINFO');
    }
    let flags = MSG_CMSG_CLOEXEC;
    if (options.peek === true) flags |= MSG_PEEK;
    if (options.dontWait === true) flags |= MSG_DONTWAIT;
    const fill = options.waitAll === true && core.type === 'stream' && options.peek !== true;
    if (options.waitAll === true && !fill) flags |= MSG_WAITALL;
    const receive = new ReceiveMessage(core, buffers, flags, maxFds, options.dontWait === true, fill);
    const r = receive.attempt();
    return r === undefined ? abortable(receive, options.signal) : Promise.resolve(r);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** One sendmsg(2), parked on the socket as its own waiter while the buffer is full. */
class SendMessage implements ParkedOp<number> {
  readonly op = 'sendMessage';
  readonly direction = WRITABLE;
  readonly deferred = true;
  timer: NodeJS.Timeout | undefined = undefined;
  settle: ((n: number) => void) | undefined = undefined;
  fail: ((e: Error) => void) | undefined = undefined;
  aborted = false;

  constructor(
    readonly core: SocketCore,
    readonly msg: MsgHdr,
    readonly flags: number,
    readonly dontWait: boolean,
    readonly details: object,
  ) {}

  attempt(): number | undefined {
    for (;;) {
      const fd = this.core.use('sendMessage');
      const n = sendmsg(fd, this.msg.buffer, this.flags);
      if (n >= 0) return n;
      const e = errno();
      if (e === EINTR) continue;
      if (e !== EAGAIN || this.dontWait) throw socketError('sendmsg', e, { fd, ...this.details });
      return undefined;
    }
  }

  resolve(): void {
    if (!this.aborted) retryOp(this);
  }

  reject(error: Error): void {
    this.fail?.(error);
  }
}

/** One recvmsg(2) (several for a stream `waitAll`), parked on the socket while nothing is queued. */
class ReceiveMessage implements ParkedOp<ReceiveMessageResult> {
  readonly op = 'receiveMessage';
  readonly direction = READABLE;
  readonly deferred = true;
  timer: NodeJS.Timeout | undefined = undefined;
  settle: ((r: ReceiveMessageResult) => void) | undefined = undefined;
  fail: ((e: Error) => void) | undefined = undefined;
  aborted = false;
  readonly control: Buffer;
  readonly name: Buffer | null;
  readonly total: number;
  /** What a stream `waitAll` gathered so far. */
  got = 0;
  fds: number[] = [];
  credentials: Credentials | undefined = undefined;
  ctrunc = false;

  constructor(
    readonly core: SocketCore,
    readonly buffers: Buffer[],
    readonly flags: number,
    readonly maxFds: number,
    readonly dontWait: boolean,
    readonly fill: boolean,
  ) {
    this.control = Buffer.alloc(receiveControlSize(core.family === 'local', maxFds));
    this.name = core.type === 'datagram' ? Buffer.alloc(SOCKADDR_STORAGE) : null;
    this.total = buffers.reduce((sum, b) => sum + b.length, 0);
  }

  /** The buffers from byte `got` on (a stream `waitAll` continues where it stopped). */
  #rest(): Buffer[] {
    if (this.got === 0) return this.buffers;
    const rest: Buffer[] = [];
    let skip = this.got;
    for (const b of this.buffers) {
      if (skip >= b.length) skip -= b.length;
      else {
        rest.push(skip === 0 ? b : b.subarray(skip));
        skip = 0;
      }
    }
    return rest;
  }

  attempt(): ReceiveMessageResult | undefined {
    const { core } = this;
    for (;;) {
      const fd = core.use('receiveMessage');
      const msg = new MsgHdr(this.buffers.length).setBuffers(this.#rest()).setName(this.name).setControl(this.control);
      const n = recvmsg(fd, msg.buffer, this.flags);
      if (n < 0) {
        const e = errno();
        if (e === EINTR) continue;
        if (e === EAGAIN && !this.dontWait) return undefined;
        closeAll(this.fds);
        throw socketError('recvmsg', e, { fd });
      }
      const anc = readAncillary(this.control, msg.controlLength, this.maxFds - this.fds.length);
      this.fds.push(...anc.fds);
      this.credentials = anc.credentials ?? this.credentials;
      this.ctrunc ||= anc.extraFds || (msg.flags & MSG_CTRUNC) !== 0;
      this.got += n;
      if (this.fill && n > 0 && this.got < this.total) continue;
      return this.#result(msg, anc.destination);
    }
  }

  #result(msg: MsgHdr, destination: PacketDestination | undefined): ReceiveMessageResult {
    const base = {
      bytes: this.got,
      buffers: this.buffers,
      fds: this.fds,
      truncated: (msg.flags & MSG_TRUNC) !== 0,
      controlTruncated: this.ctrunc,
      ...(this.credentials === undefined ? {} : { credentials: this.credentials }),
      ...(destination === undefined ? {} : { destination }),
    };
    if (this.name === null) return base;
    let from;
    try {
      from = decodeName(this.name, Math.min(msg.nameLength, SOCKADDR_STORAGE));
    } catch (e) {
      closeAll(this.fds);
      throw e;
    }
    return isLocalName(from) ? { ...base, filename: from.address.name } : { ...base, host: from.address, port: from.port };
  }

  resolve(): void {
    if (!this.aborted) retryOp(this);
  }

  reject(error: Error): void {
    this.fail?.(error);
  }
}
