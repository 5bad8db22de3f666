import { describe, expect, it } from 'vitest';
import {
  F_GETFD,
  FD_CLOEXEC,
  MMsgHdrs,
  MSG_CMSG_CLOEXEC,
  MSG_DONTWAIT,
  SOCKADDR_STORAGE_SIZE,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  close,
  cmsgSpace,
  decodeControlMessages,
  decodeRights,
  decodeSockaddr,
  encodeRights,
  fcntl,
  recvmmsg,
  sendmmsg,
  syscall,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';
import { pair } from './support/fds.js';

expectSameFdsOpen();

describe('sendmmsg / recvmmsg', () => {
  it('a batch of 8 datagrams on an AF_UNIX SOCK_DGRAM pair, each with its own length', () => {
    const [a, b] = pair(SOCK_DGRAM | SOCK_NONBLOCK);
    const out = new MMsgHdrs(8);
    for (let i = 0; i < 8; i++) out.set(i, Buffer.from(`datagram #${i}${'!'.repeat(i)}`));
    expect(syscall('sendmmsg', () => sendmmsg(a, out.buffer, 8, 0))).toBe(8);
    for (let i = 0; i < 8; i++) expect(out.messageLength(i)).toBe(11 + i);
    const into = new MMsgHdrs(8);
    for (let i = 0; i < 8; i++) into.set(i, Buffer.alloc(64), Buffer.alloc(SOCKADDR_STORAGE_SIZE));
    expect(syscall('recvmmsg', () => recvmmsg(b, into.buffer, 8, MSG_DONTWAIT, null))).toBe(8);
    for (let i = 0; i < 8; i++) {
      expect(into.messageLength(i)).toBe(11 + i);
      expect(Buffer.from(into.data(i)!.subarray(0, into.messageLength(i))).toString()).toBe(`datagram #${i}${'!'.repeat(i)}`);
      expect(into.flags(i)).toBe(0);
      expect(into.nameLength(i)).toBe(0); // an unnamed AF_UNIX sender has no address
      expect(decodeSockaddr(into.name(i)!, into.nameLength(i))).toEqual({ family: 'unspec' });
      expect(into.controlLength(i)).toBe(0);
    }
    expect(recvmmsg(b, into.resetLengths().buffer, 8, MSG_DONTWAIT, null)).toBe(-1);
    close(a);
    close(b);
  });

  it('resetLengths(count) restores only the first count messages, and checks count', () => {
    const [a, b] = pair(SOCK_DGRAM | SOCK_NONBLOCK);
    const out = new MMsgHdrs(3);
    for (let i = 0; i < 3; i++) out.set(i, Buffer.from(`m${i}`));
    expect(sendmmsg(a, out.buffer, 3, 0)).toBe(3);
    const into = new MMsgHdrs(3);
    for (let i = 0; i < 3; i++) into.set(i, Buffer.alloc(8));
    expect(recvmmsg(b, into.buffer, 3, MSG_DONTWAIT, null)).toBe(3);
    into.resetLengths(2);
    expect([0, 1, 2].map((i) => into.messageLength(i))).toEqual([0, 0, 2]);
    expect(() => into.resetLengths(4)).toThrow('mmsghdr reset count 4 is outside 0–3');
    expect(() => into.resetLengths(-1)).toThrow(RangeError);
    close(a);
    close(b);
  });

  it("passes fds through a batch entry's control buffer", () => {
    const [a, b] = pair(SOCK_DGRAM);
    const out = new MMsgHdrs(2).set(0, Buffer.from('plain')).set(1, Buffer.from('with fd'), null, encodeRights([a]));
    expect(sendmmsg(a, out.buffer, 2, 0)).toBe(2);
    const into = new MMsgHdrs(2);
    for (let i = 0; i < 2; i++) into.set(i, Buffer.alloc(16), null, Buffer.alloc(cmsgSpace(4)));
    expect(recvmmsg(b, into.buffer, 2, MSG_CMSG_CLOEXEC, null)).toBe(2);
    expect(into.controlLength(0)).toBe(0);
    const [fd] = decodeRights(decodeControlMessages(into.control(1)!, into.controlLength(1))[0]!.data);
    expect(fcntl(fd!, F_GETFD, 0)).toBe(FD_CLOEXEC);
    for (const f of [fd!, a, b]) close(f);
  });

  it('rejects out-of-range counts and indexes', () => {
    expect(() => new MMsgHdrs(0)).toThrow('mmsghdr count 0 is outside 1–1024 (UIO_MAXIOV)');
    expect(() => new MMsgHdrs(1).set(1, Buffer.alloc(1))).toThrow('mmsghdr index 1 is outside 0–0');
    expect(() => new MMsgHdrs(2).messageLength(-1)).toThrow('mmsghdr index -1 is outside 0–1');
  });
});
