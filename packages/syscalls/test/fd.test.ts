import { describe, expect, it } from 'vitest';
import {
  EAGAIN,
  F_DUPFD_CLOEXEC,
  F_GETFD,
  F_GETFL,
  F_SETFD,
  F_SETFL,
  FD_CLOEXEC,
  O_CLOEXEC,
  O_NONBLOCK,
  SyscallError,
  close,
  dup,
  dup3,
  fcntl,
  pipe2,
  read,
  syscall,
  trySyscall,
  write,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';

expectSameFdsOpen();

function pipe(flags = O_CLOEXEC): [number, number] {
  const p = new Int32Array(2);
  syscall('pipe2', () => pipe2(p, flags));
  return [p[0]!, p[1]!];
}

describe('fd calls', () => {
  it('pipe2 + write + read', () => {
    const [r, w] = pipe();
    expect(syscall('write', () => write(w, Buffer.from('pipe!'), 5))).toBe(5);
    const into = Buffer.alloc(16);
    expect(syscall('read', () => read(r, into, into.length))).toBe(5);
    expect(into.subarray(0, 5).toString()).toBe('pipe!');
    close(w);
    expect(read(r, into, into.length)).toBe(0);
    close(r);
  });

  it('pipe2 flags show in fcntl F_GETFL / F_GETFD; F_SETFL / F_SETFD change them', () => {
    const [r, w] = pipe(O_CLOEXEC | O_NONBLOCK);
    expect(fcntl(r, F_GETFL, 0) & O_NONBLOCK).toBe(O_NONBLOCK);
    expect(fcntl(r, F_GETFD, 0)).toBe(FD_CLOEXEC);
    expect(trySyscall(() => read(r, Buffer.alloc(1), 1))).toBe(-EAGAIN);
    syscall('fcntl', () => fcntl(r, F_SETFL, fcntl(r, F_GETFL, 0) & ~O_NONBLOCK));
    expect(fcntl(r, F_GETFL, 0) & O_NONBLOCK).toBe(0);
    syscall('fcntl', () => fcntl(r, F_SETFD, 0));
    expect(fcntl(r, F_GETFD, 0)).toBe(0);
    close(r);
    close(w);
  });

  it('dup, dup3 and F_DUPFD_CLOEXEC share the open file', () => {
    const [r, w] = pipe();
    const d1 = syscall('dup', () => dup(w));
    expect(fcntl(d1, F_GETFD, 0)).toBe(0);
    const d2 = syscall('fcntl', () => fcntl(w, F_DUPFD_CLOEXEC, 100));
    expect(d2).toBeGreaterThanOrEqual(100);
    expect(fcntl(d2, F_GETFD, 0)).toBe(FD_CLOEXEC);
    const d3 = syscall('dup3', () => dup3(w, d2 + 1, O_CLOEXEC));
    expect(d3).toBe(d2 + 1);
    write(d1, Buffer.from('a'), 1);
    write(d2, Buffer.from('b'), 1);
    write(d3, Buffer.from('c'), 1);
    const into = Buffer.alloc(3);
    expect(read(r, into, 3)).toBe(3);
    expect(into.toString()).toBe('abc');
    for (const fd of [d1, d2, d3, r, w]) expect(close(fd)).toBe(0);
  });

  it('EBADF and EINVAL become SyscallErrors with Node fields', () => {
    // A closed fd parked far above the lowest free number, so nothing else in
    // this process can be handed that number again while we probe it.
    const [p0, p1] = pipe();
    const r = syscall('fcntl', () => fcntl(p0, F_DUPFD_CLOEXEC, 900));
    for (const fd of [p0, p1, r]) close(fd);
    expect(() => syscall('read', () => read(r, Buffer.alloc(1), 1))).toThrow(SyscallError);
    expect(trySyscall(() => fcntl(r, F_GETFL, 0))).toBe(-9);
    const [r2, w2] = pipe();
    expect(() => syscall('dup3', () => dup3(r2, r2, 0))).toThrow(expect.objectContaining({ code: 'EINVAL', errno: 22 }) as Error);
    close(r2);
    close(w2);
  });
});
