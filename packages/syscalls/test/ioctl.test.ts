import { describe, expect, it } from 'vitest';
import { E, FIONREAD, SOCK_DGRAM, SOCK_STREAM, close, errno, ioctl_int, send } from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';
import { pair } from './support/fds.js';

expectSameFdsOpen();

describe('ioctl_int(FIONREAD)', () => {
  it('counts the bytes queued on a stream socket, all of them', () => {
    const [a, b] = pair(SOCK_STREAM);
    expect(ioctl_int(b, FIONREAD)).toBe(0);
    send(a, Buffer.from('hello'), 5, 0);
    send(a, Buffer.from('world!'), 6, 0);
    expect(ioctl_int(b, FIONREAD)).toBe(11);
    close(a);
    close(b);
  });

  it('is the size of the next datagram on a Unix datagram socket', () => {
    const [a, b] = pair(SOCK_DGRAM);
    send(a, Buffer.from('abc'), 3, 0);
    send(a, Buffer.from('defgh'), 5, 0);
    expect(ioctl_int(b, FIONREAD)).toBe(3);
    close(a);
    close(b);
  });

  it('-1 with EBADF on a closed fd', () => {
    const [a, b] = pair(SOCK_STREAM);
    close(a);
    close(b);
    expect(ioctl_int(b, FIONREAD)).toBe(-1);
    expect(errno()).toBe(E.EBADF);
  });
});
