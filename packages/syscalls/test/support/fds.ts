/** Test helper: a close-on-exec AF_UNIX socketpair, the usual pair of fds the syscalls tests talk over. */
import { AF_UNIX, SOCK_CLOEXEC, SOCK_STREAM, socketpair, syscall } from '../../src/index.js';

/** A close-on-exec AF_UNIX socketpair of `type` (plus any SOCK_* flags): [one end, the other]. */
export function pair(type = SOCK_STREAM): [number, number] {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, sv));
  return [sv[0]!, sv[1]!];
}
