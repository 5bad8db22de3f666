/**
 * The by-address declarations of `at.ts` on real sockets: `addressOf` against
 * koffi's own address, and `recvmsgAt` with a prebuilt `MsgHdr` (the data, the
 * sender, `MSG_TRUNC`'s full length, `EAGAIN`, no fd).
 */
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import { addressOf, recvmsgAt } from '../src/internal.js';
import {
  AF_INET,
  EAGAIN,
  E,
  MSG_DONTWAIT,
  MSG_TRUNC,
  MsgHdr,
  SOCKADDR_STORAGE_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  bind,
  close,
  decodeSockaddr,
  encodeSockaddrIn,
  errno,
  getsockname,
  send,
  sendto,
  socket,
  syscall,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';
import { pair } from './support/fds.js';

expectSameFdsOpen();

/** A `struct msghdr` over a receive room of `size` bytes and a sender room, and its address. */
function header(size: number) {
  const data = Buffer.alloc(size);
  const from = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
  const m = new MsgHdr(1).setBuffer(data).setName(from);
  return { data, from, m, at: addressOf(m.buffer) };
}

describe('addressOf', () => {
  it("is koffi's address of the view's first byte, a subarray's at its offset", () => {
    const b = Buffer.alloc(4096);
    expect(addressOf(b)).toBe(Number(koffi.address(b)));
    expect(addressOf(b.subarray(100))).toBe(addressOf(b) + 100);
    expect(addressOf(new Uint32Array(b.buffer, b.byteOffset + 8, 2))).toBe(addressOf(b) + 8);
  });

  it('stays the same for a small typed array once taken (its memory has left the heap)', () => {
    const small = new Uint8Array(8);
    const at = addressOf(small);
    // Garbage to make a scavenge likely: on-heap data would move.
    for (let i = 0; i < 1000; i++) void new Array(100).fill(i);
    expect(addressOf(small)).toBe(at);
  });

  it('refuses what is not a Buffer or typed array', () => {
    expect(() => addressOf(42 as unknown as Uint8Array)).toThrow(
      new TypeError('addressOf: view must be a Buffer, typed array or DataView, got number'),
    );
    expect(() => addressOf(new ArrayBuffer(8) as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('recvmsgAt', () => {
  it('receives a UDP datagram and its sender through a header given by address', () => {
    const a = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const b = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    try {
      const lo = (port: number): Buffer => encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), port);
      syscall('bind', () => bind(a, lo(0), 16));
      syscall('bind', () => bind(b, lo(0), 16));
      const portOf = (fd: number): number => {
        const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
        const len = new Uint32Array([sa.length]);
        syscall('getsockname', () => getsockname(fd, sa, len));
        return (decodeSockaddr(sa, len[0]) as { port: number }).port;
      };
      const to = lo(portOf(b));
      expect(sendto(a, Buffer.from('ping'), 4, 0, to, to.length)).toBe(4);
      const r = header(16);
      r.m.resetLengths();
      expect(recvmsgAt(b, r.at, 0)).toBe(4);
      expect(r.data.subarray(0, 4).toString()).toBe('ping');
      expect(r.m.nameLength).toBe(16);
      expect(decodeSockaddr(r.from, r.m.nameLength)).toEqual({ family: 'ipv4', address: new Uint8Array([127, 0, 0, 1]), port: portOf(a) });
    } finally {
      close(a);
      close(b);
    }
  });

  it('with MSG_TRUNC returns the full length of a datagram longer than the room, storing what fits', () => {
    const [a, b] = pair(SOCK_DGRAM);
    try {
      expect(send(a, Buffer.from('0123456789'), 10, 0)).toBe(10);
      const r = header(4);
      r.m.resetLengths();
      expect(recvmsgAt(b, r.at, MSG_TRUNC)).toBe(10);
      expect(r.data.toString()).toBe('0123');
      expect(r.m.flags & MSG_TRUNC).toBe(MSG_TRUNC);
    } finally {
      close(a);
      close(b);
    }
  });

  it('returns -1 with EAGAIN when nothing is queued, and EBADF for no fd', () => {
    const [a, b] = pair(SOCK_DGRAM);
    const r = header(16);
    try {
      expect(recvmsgAt(b, r.at, MSG_DONTWAIT)).toBe(-1);
      expect(errno()).toBe(EAGAIN);
    } finally {
      close(a);
      close(b);
    }
    // -1, not a closed number: a parallel test may have been given that one.
    expect(recvmsgAt(-1, r.at, MSG_DONTWAIT)).toBe(-1);
    expect(errno()).toBe(E.EBADF);
  });
});
