/**
 * Tour step 10: the libc layer. A socketpair round trip through
 * @iolib/syscalls, an fd passed over it with SCM_RIGHTS, and what a failed
 * system call looks like.
 */
import {
  AF_UNIX,
  MSG_CMSG_CLOEXEC,
  connect,
  encodeSockaddrUn,
  socket,
  MSG_NOSIGNAL,
  MsgHdr,
  O_CLOEXEC,
  SOCK_CLOEXEC,
  SOCK_STREAM,
  SyscallError,
  close,
  cmsgSpace,
  decodeControlMessages,
  decodeRights,
  encodeRights,
  pipe2,
  read,
  recv,
  recvmsg,
  send,
  sendmsg,
  socketpair,
  syscall,
  write,
} from '@iolib/syscalls';

export const title = 'syscalls: a socketpair round trip through libc';

export default async function step(say: (line: string) => void): Promise<void> {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
  const [a, b] = [sv[0]!, sv[1]!];
  say(`socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC) → fds ${a} and ${b}`);
  const opened: number[] = [a, b];
  try {
    const hello = Buffer.from('hello through koffi');
    const sent = syscall('send', () => send(a, hello, hello.length, MSG_NOSIGNAL));
    say(`send(${a}, "${hello.toString()}", MSG_NOSIGNAL) → ${sent} bytes`);
    const into = Buffer.alloc(64);
    const got = syscall('recv', () => recv(b, into, into.length, 0));
    say(`recv(${b}) → ${got} bytes: "${into.toString('utf8', 0, got)}"`);

    const p = new Int32Array(2);
    syscall('pipe2', () => pipe2(p, O_CLOEXEC));
    opened.push(p[0]!, p[1]!);
    const out = new MsgHdr(1).setBuffer(Buffer.from('!')).setControl(encodeRights([p[1]!]));
    syscall('sendmsg', () => sendmsg(a, out.buffer, MSG_NOSIGNAL));
    say(`sendmsg(${a}) with SCM_RIGHTS carrying the pipe's write end (fd ${p[1]})`);
    const msg = new MsgHdr(1).setBuffer(Buffer.alloc(1)).setControl(Buffer.alloc(cmsgSpace(4)));
    syscall('recvmsg', () => recvmsg(b, msg.buffer, MSG_CMSG_CLOEXEC));
    const [passed] = decodeControlMessages(msg.control!, msg.controlLength).flatMap((c) => decodeRights(c.data));
    opened.push(passed!);
    say(`recvmsg(${b}) → a new fd ${passed} for the same pipe`);
    const note = Buffer.from('written through the passed fd');
    syscall('write', () => write(passed!, note, note.length));
    const n = syscall('read', () => read(p[0]!, into, into.length));
    say(`read(pipe) → "${into.toString('utf8', 0, n)}"`);
  } finally {
    for (const fd of opened) syscall('close', () => close(fd));
    say(`closed fds ${opened.join(', ')}`);
  }

  const fd = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  const path = '/nonexistent/iolib-demo.sock';
  try {
    const sa = encodeSockaddrUn(path);
    syscall('connect', () => connect(fd, sa, sa.length), { path });
  } catch (e) {
    if (!(e instanceof SyscallError)) throw e;
    say(`connect(${path}) → ${e.name} ${e.code} (errno ${e.errno}, syscall '${e.syscall}'): "${e.message}"`);
  } finally {
    syscall('close', () => close(fd));
  }
}
