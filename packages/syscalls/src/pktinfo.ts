/**
 * Packet information ancillary data: `struct in_pktinfo` (ip(7) `IP_PKTINFO`) and
 * `struct in6_pktinfo` (ipv6(7) `IPV6_PKTINFO`). recvmsg(2) delivers one per
 * datagram once `IP_PKTINFO` / `IPV6_RECVPKTINFO` is on: the address the datagram
 * was sent to and the interface it came in on. On sendmsg(2) the same item picks
 * the source address and outgoing interface of one datagram. Pure byte work.
 *
 * @example
 * ```ts
 * for (const c of decodeControlMessages(m.control!, m.controlLength))
 *   if (c.level === IPPROTO_IP && c.type === IP_PKTINFO) console.log(decodeInPktinfo(c.data).ifindex);
 * ```
 */
import { IPPROTO_IP, IPPROTO_IPV6 } from './constants.js';
import { encodeControlMessages } from './cmsg.js';
import { SockaddrError } from './errors.js';
import { IPV6_PKTINFO, IP_PKTINFO } from './sockopt-constants.js';
import { IN6_PKTINFO_SIZE, IN_PKTINFO_SIZE } from './structs.js';

/** `struct in_pktinfo { int ipi_ifindex; struct in_addr ipi_spec_dst; struct in_addr ipi_addr; }`. */
export interface InPktinfo {
  /** The interface the datagram arrived on (receive) or leaves by (send, 0 = by route). */
  readonly ifindex: number;
  /** `ipi_spec_dst`: the local address (receive: the one routing chose; send: the source to use). */
  readonly specificDestination: Uint8Array;
  /** `ipi_addr`: the destination address in the IP header (receive only; ignored on send). */
  readonly address: Uint8Array;
}

/** `struct in6_pktinfo { struct in6_addr ipi6_addr; unsigned ipi6_ifindex; }`. */
export interface In6Pktinfo {
  /** Receive: the datagram's destination address; send: the source address to use (`::` = by route). */
  readonly address: Uint16Array;
  /** The interface the datagram arrived on, or leaves by (0 = by route). */
  readonly ifindex: number;
}

function checkIndex(ifindex: number, max: number): void {
  if (!Number.isInteger(ifindex) || ifindex < 0 || ifindex > max) {
    throw new RangeError(`interface index ${String(ifindex)} is not an integer in 0–${max}`);
  }
}

function need(data: Uint8Array, size: number, what: string): DataView {
  if (data.byteLength < size) throw new RangeError(`struct ${what} needs ${size} bytes, got ${data.byteLength}`);
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * An `IP_PKTINFO` control buffer for sendmsg(2): the source address and/or
 * outgoing interface of one IPv4 datagram.
 *
 * @param info - `ifindex` (0 = by route), `specificDestination` (the source address, 4 bytes), `address` (ignored by the kernel)
 * @returns the control bytes (pass to `MsgHdr.setControl`)
 * @throws {SockaddrError} when an address is not 4 bytes; {RangeError} for a bad index
 * @example
 * ```ts
 * m.setControl(encodeInPktinfo({ ifindex: 0, specificDestination: new Uint8Array([127, 0, 0, 2]), address: new Uint8Array(4) }));
 * ```
 */
export function encodeInPktinfo(info: InPktinfo): Buffer {
  checkIndex(info.ifindex, 0x7fffffff);
  if (info.specificDestination.length !== 4 || info.address.length !== 4) {
    throw new SockaddrError(`in_pktinfo addresses must be 4 bytes, got ${info.specificDestination.length} and ${info.address.length}`);
  }
  const data = Buffer.alloc(IN_PKTINFO_SIZE);
  data.writeInt32LE(info.ifindex, 0);
  data.set(info.specificDestination, 4);
  data.set(info.address, 8);
  return encodeControlMessages([{ level: IPPROTO_IP, type: IP_PKTINFO, data }]);
}

/**
 * The `struct in_pktinfo` of an `IP_PKTINFO` item recvmsg(2) returned.
 *
 * @param data - the item's data (12 bytes)
 * @returns `{ ifindex, specificDestination, address }` (addresses are fresh 4-byte arrays)
 * @throws {RangeError} when there are fewer than 12 bytes
 * @example
 * ```ts
 * const { address, ifindex } = decodeInPktinfo(item.data); // [127, 0, 0, 1], 1
 * ```
 */
export function decodeInPktinfo(data: Uint8Array): InPktinfo {
  const view = need(data, IN_PKTINFO_SIZE, 'in_pktinfo');
  return {
    ifindex: view.getInt32(0, true),
    specificDestination: data.slice(4, 8),
    address: data.slice(8, 12),
  };
}

/**
 * An `IPV6_PKTINFO` control buffer for sendmsg(2): the source address and/or
 * outgoing interface of one IPv6 datagram.
 *
 * @param info - `address` (the source, 8 words; all zero = by route) and `ifindex` (0 = by route)
 * @returns the control bytes
 * @throws {SockaddrError} when the address is not 8 words; {RangeError} for a bad index
 * @example
 * ```ts
 * m.setControl(encodeIn6Pktinfo({ address: new Uint16Array(8), ifindex: 2 }));
 * ```
 */
export function encodeIn6Pktinfo(info: In6Pktinfo): Buffer {
  checkIndex(info.ifindex, 0xffffffff);
  if (info.address.length !== 8) throw new SockaddrError(`in6_pktinfo address must be 8 words, got ${info.address.length}`);
  const data = Buffer.alloc(IN6_PKTINFO_SIZE);
  for (let i = 0; i < 8; i++) data.writeUInt16BE(info.address[i] ?? 0, 2 * i);
  data.writeUInt32LE(info.ifindex, 16);
  return encodeControlMessages([{ level: IPPROTO_IPV6, type: IPV6_PKTINFO, data }]);
}

/**
 * The `struct in6_pktinfo` of an `IPV6_PKTINFO` item recvmsg(2) returned.
 *
 * @param data - the item's data (20 bytes)
 * @returns `{ address, ifindex }` (`address` as 8 host-order words; IPv4 datagrams on a
 *   dual-stack socket show the IPv4-mapped address)
 * @throws {RangeError} when there are fewer than 20 bytes
 * @example
 * ```ts
 * const { address, ifindex } = decodeIn6Pktinfo(item.data); // [0, 0, 0, 0, 0, 0, 0, 1], 1
 * ```
 */
export function decodeIn6Pktinfo(data: Uint8Array): In6Pktinfo {
  const view = need(data, IN6_PKTINFO_SIZE, 'in6_pktinfo');
  const address = new Uint16Array(8);
  for (let i = 0; i < 8; i++) address[i] = view.getUint16(2 * i, false);
  return { address, ifindex: view.getUint32(16, true) };
}
