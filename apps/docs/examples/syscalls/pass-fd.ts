/**
 * Pass an open file descriptor to another socket with `SCM_RIGHTS` (unix(7)): the
 * `MsgHdr` builder carries one data byte plus the control buffer of `encodeRights`;
 * on the other side `decodeControlMessages` and `decodeRights` give the new fd,
 * a different number for the same open pipe. `MSG_CMSG_CLOEXEC` marks it close-on-exec.
 */
import {
  AF_UNIX,
  FD_CLOEXEC,
  F_GETFD,
  MSG_CMSG_CLOEXEC,
  MsgHdr,
  O_CLOEXEC,
  SCM_RIGHTS,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOL_SOCKET,
  close,
  cmsgSpace,
  decodeControlMessages,
  decodeRights,
  encodeRights,
  fcntl,
  pipe2,
  read,
  recvmsg,
  sendmsg,
  socketpair,
  syscall,
  write,
} from '@iolib/syscalls';

export default async function main(): Promise<unknown> {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv));
  const pipe = new Int32Array(2);
  syscall('pipe2', () => pipe2(pipe, O_CLOEXEC));
  const [a, b, pipeRead, pipeWrite] = [sv[0]!, sv[1]!, pipe[0]!, pipe[1]!];
  const open = new Set([a, b, pipeRead, pipeWrite]);
  try {
    // Send the pipe's read end with one data byte (a message needs at least one).
    const out = new MsgHdr(1).setBuffer(Buffer.from('!')).setControl(encodeRights([pipeRead]));
    const sent = syscall('sendmsg', () => sendmsg(a, out.buffer, 0));

    const into = new MsgHdr(1).setBuffer(Buffer.alloc(1)).setControl(Buffer.alloc(cmsgSpace(4)));
    const received = syscall('recvmsg', () => recvmsg(b, into.buffer, MSG_CMSG_CLOEXEC));
    const items = decodeControlMessages(into.control!, into.controlLength);
    const fds = items.filter((c) => c.level === SOL_SOCKET && c.type === SCM_RIGHTS).flatMap((c) => decodeRights(c.data));
    for (const fd of fds) open.add(fd);
    const [passed] = fds;
    if (passed === undefined) throw new Error('no fd arrived');

    const newNumber = passed !== pipeRead;
    // Close our own read end: the received fd alone now reads what is written into the pipe.
    close(pipeRead);
    open.delete(pipeRead);
    const text = Buffer.from('through a passed fd');
    syscall('write', () => write(pipeWrite, text, text.length));
    const buf = Buffer.alloc(64);
    const n = syscall('read', () => read(passed, buf, buf.length));
    return {
      sent,
      received,
      controlMessages: items.length,
      fdsReceived: fds.length,
      newNumber,
      closeOnExec: (syscall('fcntl', () => fcntl(passed, F_GETFD, 0)) & FD_CLOEXEC) === FD_CLOEXEC,
      read: buf.toString('utf8', 0, n),
    };
  } finally {
    for (const fd of open) close(fd);
  }
}
