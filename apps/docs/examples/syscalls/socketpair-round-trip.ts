/**
 * The raw layer: a non-blocking Unix socket pair, one round trip, and the two ways to
 * handle failure. `trySyscall` returns `-errno` (no exception, for hot paths: here
 * `-EAGAIN` from reading an empty socket); `syscall` throws a `SyscallError` carrying
 * Node's `code`, `errno` and `syscall` fields.
 */
import {
  AF_UNIX,
  EAGAIN,
  SHUT_WR,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  SyscallError,
  close,
  errnoName,
  recv,
  send,
  shutdown,
  socketpair,
  syscall,
  trySyscall,
} from '@iolib/syscalls';

export default async function main(): Promise<unknown> {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  const [a, b] = [sv[0]!, sv[1]!];
  const buf = Buffer.alloc(64);
  try {
    // Nothing sent yet: a non-blocking read fails with EAGAIN, returned as -EAGAIN.
    const empty = trySyscall(() => recv(b, buf, buf.length, 0));
    const wouldBlock = empty === -EAGAIN ? errnoName(-empty) : `unexpected ${empty}`;

    // The throwing form of the same failure.
    let thrown: { code: string; errno: number; syscall: string } | null = null;
    try {
      syscall('recv', () => recv(b, buf, buf.length, 0));
    } catch (error) {
      if (!(error instanceof SyscallError)) throw error;
      thrown = { code: error.code, errno: error.errno, syscall: error.syscall };
    }

    const sent = syscall('send', () => send(a, Buffer.from('ping'), 4, 0));
    const got = syscall('recv', () => recv(b, buf, buf.length, 0));
    const request = buf.toString('utf8', 0, got);
    syscall('send', () => send(b, Buffer.from('pong'), 4, 0));
    const reply = buf.toString(
      'utf8',
      0,
      syscall('recv', () => recv(a, buf, buf.length, 0)),
    );

    // After the peer shuts down its writing side, a read returns 0: end of file.
    syscall('shutdown', () => shutdown(a, SHUT_WR));
    const eof = trySyscall(() => recv(b, buf, buf.length, 0));
    return { wouldBlock, thrown, sent, request, reply, eof };
  } finally {
    close(a);
    close(b);
  }
}
