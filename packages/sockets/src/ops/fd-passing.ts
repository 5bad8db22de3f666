/**
 * sendmsg(2) / recvmsg(2) with `SCM_RIGHTS`: `sendFileDescriptor` / `receiveFileDescriptor` (IOLib's `send-file-descriptor`,
 * `receive-file-descriptor`): `SCM_RIGHTS` over local sockets, stream and datagram.
 * One data byte travels with the fd, so stream sockets deliver it too (IOLib's
 * zero-byte message never arrives on a Linux stream socket).
 */
import { READABLE, WRITABLE } from '@iolib/iomux';
import { checkFd } from '@iolib/syscalls/internal';
import { checkSignal, throwIfAborted } from '../core/abort.js';
import { readAncillary, receiveControlSize } from '../core/ancillary.js';
import { SocketError, socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  E,
  EAGAIN,
  EINTR,
  MSG_CMSG_CLOEXEC,
  MSG_CTRUNC,
  MSG_NOSIGNAL,
  MsgHdr,
  encodeRights,
  errno,
  recvmsg,
  sendmsg,
} from '../core/sys.js';
import type { FdPassingOptions } from '../types.js';

function checkLocal(core: SocketCore, op: string): void {
  if (core.family !== 'local') throw new TypeError(`${op}: works only on local (Unix) sockets; this is an ${core.family} socket`);
}

/**
 * Send a copy of file descriptor `fd` to the peer, as `SCM_RIGHTS` ancillary
 * data with one data byte.
 *
 * System call: `sendmsg(2)`.
 *
 * @param core - the core of a connected local socket (stream or datagram)
 * @param fd - an open fd of this process (it stays open here)
 * @param options - `signal` aborts the wait
 * @returns when sent
 * @throws {TypeError} on an internet socket or for an `fd` that is not a number; {RangeError} for a number that is no fd
 * @throws {SocketError} `EBADF` for a closed `fd` or socket, `ENOTCONN`, …
 * @example
 * ```ts
 * await sendFileDescriptor(core, fs.openSync('/etc/hostname', 'r'));
 * ```
 */
export async function sendFileDescriptor(core: SocketCore, fd: number, options: FdPassingOptions = {}): Promise<void> {
  const signal = checkSignal(options.signal, 'sendFileDescriptor');
  throwIfAborted(signal);
  checkLocal(core, 'sendFileDescriptor');
  checkFd('sendFileDescriptor', fd);
  const data = Buffer.from([0x46]);
  const control = encodeRights([fd]);
  const msg = new MsgHdr(1).setBuffer(data).setControl(control);
  for (;;) {
    const sock = core.use('sendFileDescriptor');
    const n = sendmsg(sock, msg.buffer, MSG_NOSIGNAL);
    if (n >= 0) return;
    const e = errno();
    if (e === EINTR) continue;
    if (e !== EAGAIN) throw socketError('sendmsg', e, { fd: sock, detail: `passing fd ${fd}` });
    await core.wait(WRITABLE, 'sendFileDescriptor', undefined, signal);
  }
}

/**
 * Receive a file descriptor sent with {@link sendFileDescriptor}. The new fd
 * is close-on-exec and belongs to the caller (close it with `fs.closeSync`).
 *
 * System call: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
 *
 * @param core - the core of a connected local socket (stream or datagram)
 * @param options - `signal` aborts the wait
 * @returns the new fd
 * @throws {TypeError} on an internet socket
 * @throws {SocketError} `EBADMSG` when the message carried no fd, `ECONNRESET` at end of stream, `EBADF` after close
 * @example
 * ```ts
 * const fd = await receiveFileDescriptor(core);
 * ```
 */
export async function receiveFileDescriptor(core: SocketCore, options: FdPassingOptions = {}): Promise<number> {
  const signal = checkSignal(options.signal, 'receiveFileDescriptor');
  throwIfAborted(signal);
  checkLocal(core, 'receiveFileDescriptor');
  const data = Buffer.alloc(1);
  // Room for credentials too: with SO_PASSCRED on, they come first and would crowd the fds out.
  const control = Buffer.alloc(receiveControlSize(true, 8));
  const msg = new MsgHdr(1).setBuffer(data).setControl(control);
  for (;;) {
    const sock = core.use('receiveFileDescriptor');
    msg.resetLengths();
    const n = recvmsg(sock, msg.buffer, MSG_CMSG_CLOEXEC);
    if (n >= 0) {
      // The first fd is the caller's; any extra is closed here.
      const [first] = readAncillary(control, msg.controlLength, 1).fds;
      if (first !== undefined) return first;
      if (n === 0 && core.type !== 'datagram')
        throw new SocketError('recvmsg', E.ECONNRESET ?? 104, { fd: sock, detail: 'end of stream before a file descriptor arrived' });
      const truncated = (msg.flags & MSG_CTRUNC) !== 0;
      throw new SocketError('recvmsg', E.EBADMSG ?? 74, {
        fd: sock,
        detail: truncated ? 'control data truncated' : 'the message carried no file descriptor',
      });
    }
    const e = errno();
    if (e === EINTR) continue;
    if (e !== EAGAIN) throw socketError('recvmsg', e, { fd: sock });
    await core.wait(READABLE, 'receiveFileDescriptor', undefined, signal);
  }
}
