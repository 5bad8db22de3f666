/**
 * Run inside a fresh network namespace whose `lo` has fe80::1 (see
 * sockaddr.test.ts): bind a UDP socket to fe80::1 with scope id = lo's index,
 * send a datagram to itself, and print what getsockname and recvfrom decode.
 */
import {
  AF_INET6,
  SOCKADDR_STORAGE_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  bind,
  close,
  decodeSockaddr,
  encodeSockaddrIn6,
  getsockname,
  recvfrom,
  sendto,
  socket,
  syscall,
} from '../../src/index.js';

const scope = Number(process.argv[2]);
const fe80 = new Uint16Array([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
const fd = syscall('socket', () => socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0));
const any = encodeSockaddrIn6(fe80, 0, scope);
syscall('bind', () => bind(fd, any, any.length));
const local = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
const len = new Uint32Array([local.length]);
syscall('getsockname', () => getsockname(fd, local, len));
const bound = decodeSockaddr(local, len[0]);
if (bound.family !== 'ipv6') throw new Error(`bound to ${bound.family}`);
const to = encodeSockaddrIn6(fe80, bound.port, scope);
syscall('sendto', () => sendto(fd, Buffer.from('scoped'), 6, 0, to, to.length));
const from = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
const fromLen = new Uint32Array([from.length]);
const data = Buffer.alloc(16);
const n = syscall('recvfrom', () => recvfrom(fd, data, data.length, 0, from, fromLen));
const sender = decodeSockaddr(from, fromLen[0]);
close(fd);
const plain = (s: typeof bound): unknown => ({ ...s, address: Array.from(s.address) });
console.log(
  JSON.stringify({ bound: plain(bound), sender: sender.family === 'ipv6' ? plain(sender) : sender, data: data.toString('utf8', 0, n) }),
);
