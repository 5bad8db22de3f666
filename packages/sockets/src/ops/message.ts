/**
 * `sendMessage` / `receiveMessage`: one sendmsg(2) / recvmsg(2) with
 * scatter/gather buffers and ancillary data (`SCM_RIGHTS`, `SCM_CREDENTIALS`,
 * `IP_PKTINFO` / `IPV6_PKTINFO`). Like `sendTo` / `receiveFrom`, each tries its
 * call first and parks itself on the socket on `EAGAIN`.
 */
import { READABLE, WRITABLE } from '@iolib/iomux';
import { checkSignal, throwIfAborted } from '../core/abort.js';
import { SOCKADDR_STORAGE, decodeName, isLocalName } from '../core/addressing.js';
import { checkMaxFds, closeAll, readAncillary, receiveControlSize, sendControl } from '../core/ancillary.js';
import { toBytes } from '../core/buffers.js';
import { destinationDetails, destinationOf, type Destination } from '../core/destination.js';
import { socketError } from '../core/errors.js';
import { ParkedOp, parkOp, rejection } from '../core/parked-op.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  EAGAIN,
  EINTR,
  IPPROTO_IP,
  IPPROTO_IPV6,
  IPV6_RECVPKTINFO,
  IP_PKTINFO,
  MSG_CMSG_CLOEXEC,
  MSG_CTRUNC,
  MSG_DONTWAIT,
  MSG_MORE,
  MSG_NOSIGNAL,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  MsgHdr,
  SOL_SOCKET,
  SO_PASSCRED,
  errno,
  recvmsg,
  sendmsg,
  setsockopt,
  trySyscall,
} from '../core/sys.js';
import type { Credentials, PacketDestination, ReceiveMessageOptions, ReceiveMessageResult, SendMessageOptions } from '../types.js';

function bufferList(value: unknown, op: string): Buffer[] {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > 1024)
      throw new RangeError(`${op}: buffers holds ${value.length} buffers; one message takes 1–1024`);
    return value.map((b: unknown, i) => toBytes(b, `${op} buffers[${i}]`));
  }
  return [toBytes(value, `${op} buffers`)];
}

/**
 * One sendmsg(2): `buffers` gathered, `fds` / `credentials` as ancillary data,
 * to the connected peer or the destination in `options`. The public
 * `sendMessage` (api) documents the behaviour.
 *
 * @param core - the socket's core
 * @param options - as `sendMessage`
 * @returns the number of bytes sent (a rejected promise for every failure)
 * @example
 * ```ts
 * await sendMessage(core, { buffers: Buffer.from('x'), fds: [fd] });
 * ```
 */
export function sendMessage(core: SocketCore, options: SendMessageOptions): Promise<number> {
  try {
    const op = 'sendMessage';
    if (typeof options !== 'object' || (options as unknown) === null) throw new TypeError(`${op}: options must be an object with buffers`);
    const signal = checkSignal(options.signal, op);
    throwIfAborted(signal);
    const buffers = bufferList(options.buffers, op);
    if (
      (options.fds !== undefined || (options.credentials !== undefined && (options.credentials as unknown) !== false)) &&
      core.family !== 'local'
    ) {
      throw new TypeError(`${op}: fds and credentials travel only over local (Unix) sockets; this is an ${core.family} socket`);
    }
    const control = sendControl(options.fds, options.credentials, op);
    let flags = options.noSignal === false ? 0 : MSG_NOSIGNAL;
    if (options.dontWait === true) flags |= MSG_DONTWAIT;
    if (options.more === true) flags |= MSG_MORE;
    const msg = new MsgHdr(buffers.length).setBuffers(buffers).setControl(control);
    const start = (dest: Destination | null): Promise<number> => {
      if (dest !== null) msg.setName(dest.sa);
      const details = dest === null ? {} : destinationDetails(core, dest);
      return new SendMessage(core, msg, flags, options.dontWait === true, details, signal).begin();
    };
    const dest = destinationOf(core, options, op);
    return dest instanceof Promise ? dest.then(start) : start(dest);
  } catch (e) {
    return rejection(e);
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
 * One recvmsg(2) (several for a stream `waitAll`) into `buffers` or a new
 * Buffer of `size` bytes, with the ancillary data read and every fd accounted
 * for. The public `receiveMessage` (api) documents the behaviour.
 *
 * @param core - the socket's core
 * @param options - as `receiveMessage`
 * @returns the message (a rejected promise for every failure)
 * @example
 * ```ts
 * const { fds } = await receiveMessage(core, { size: 64, maxFds: 3 });
 * ```
 */
export function receiveMessage(core: SocketCore, options: ReceiveMessageOptions): Promise<ReceiveMessageResult> {
  try {
    const op = 'receiveMessage';
    if (typeof options !== 'object' || (options as unknown) === null)
      throw new TypeError(`${op}: options must be an object with buffers or size`);
    const signal = checkSignal(options.signal, op);
    throwIfAborted(signal);
    let buffers: Buffer[];
    if (options.buffers !== undefined) buffers = bufferList(options.buffers, op);
    else if (options.size !== undefined) {
      if (!Number.isSafeInteger(options.size) || options.size < 0)
        throw new RangeError(`${op}: size ${String(options.size)} is not a non-negative integer`);
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
    // A stream waitAll gathers over several calls; with dontWait or peek it is one call with MSG_WAITALL.
    const fill = options.waitAll === true && core.type === 'stream' && options.peek !== true && options.dontWait !== true;
    if (options.waitAll === true && !fill) flags |= MSG_WAITALL;
    const receive = new ReceiveMessage(core, buffers, flags, maxFds, options.dontWait === true, fill, signal);
    const r = receive.attempt();
    if (r !== undefined) return Promise.resolve(r);
    // Closed or aborted while a stream waitAll was gathering: the fds it took have no taker.
    return parkOp(receive).catch((e: unknown) => {
      receive.release();
      throw e;
    });
  } catch (e) {
    return rejection(e);
  }
}

/** One sendmsg(2), parked on the socket as its own waiter while the buffer is full. */
class SendMessage extends ParkedOp<number> {
  constructor(
    core: SocketCore,
    readonly msg: MsgHdr,
    readonly flags: number,
    readonly dontWait: boolean,
    readonly details: object,
    signal: AbortSignal | undefined,
  ) {
    super(core, 'sendMessage', WRITABLE, signal);
  }

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
}

/** One recvmsg(2) (several for a stream `waitAll`), parked on the socket while nothing is queued. */
class ReceiveMessage extends ParkedOp<ReceiveMessageResult> {
  readonly control: Buffer;
  readonly name: Buffer | null;
  readonly total: number;
  /** What a stream `waitAll` gathered so far. */
  got = 0;
  fds: number[] = [];
  credentials: Credentials | undefined = undefined;
  ctrunc = false;

  constructor(
    core: SocketCore,
    readonly buffers: Buffer[],
    readonly flags: number,
    readonly maxFds: number,
    readonly dontWait: boolean,
    readonly fill: boolean,
    signal: AbortSignal | undefined,
  ) {
    super(core, 'receiveMessage', READABLE, signal);
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

  /** Close the fds gathered so far (the caller is gone). */
  release(): void {
    closeAll(this.fds.splice(0));
  }
}
