/**
 * The sender of a received datagram, decoded once per peer: a socket keeps
 * its last sender's bytes and value (addresses are immutable) and reuses the
 * value while the bytes are the same (one request/response peer, or a burst
 * from one sender, decodes once).
 */
import type { InetAddress } from '@iolib/address';
import type { DecodedName } from '../types.js';
import { SOCKADDR_STORAGE, decodeName, isLocalName } from './addressing.js';
import type { SocketCore } from './socket-core.js';

/** Who sent a datagram, as `'message'` listeners get it. */
export type MessageSender = { readonly host: InetAddress; readonly port: number } | { readonly filename: string };

/** A sockaddr buffer and a 4-byte view of it (for the fast comparison). */
export interface NameRoom {
  readonly bytes: Buffer;
  readonly words: Int32Array;
}

/**
 * Room for one sender address: its own memory at offset 0, so `words` views it 4 bytes at a time.
 *
 * @returns a fresh `sockaddr_storage` and its word view
 * @example
 * ```ts
 * const FROM = nameRoom();
 * ```
 */
export function nameRoom(): NameRoom {
  const bytes = Buffer.alloc(SOCKADDR_STORAGE);
  return { bytes, words: new Int32Array(bytes.buffer, bytes.byteOffset, SOCKADDR_STORAGE >>> 2) };
}

/**
 * Decode the sender the kernel wrote into `room` (`len` bytes), reusing
 * `core`'s last sender when the bytes are the same.
 *
 * @param core - the receiving socket's core
 * @param room - where the kernel wrote the address
 * @param len - the length it reported
 * @returns the decoded name
 * @throws {TypeError} for an address family this package does not handle
 * @example
 * ```ts
 * const name = decodeSender(core, FROM, Math.min(FROM_LEN[0], SOCKADDR_STORAGE));
 * ```
 */
export function decodeSender(core: SocketCore, room: NameRoom, len: number): DecodedName {
  const last = core.sender;
  if (last !== undefined && len === last.len && sameBytes(room, last, len)) return last.name;
  const name = decodeName(room.bytes, len);
  if (last === undefined) {
    const own = nameRoom();
    room.bytes.copy(own.bytes, 0, 0, len);
    core.sender = { raw: own.bytes, words: own.words, len, name };
  } else {
    room.bytes.copy(last.raw, 0, 0, len);
    last.len = len;
    last.name = name;
  }
  return name;
}

/** Whether `room`'s first `len` bytes equal `last`'s: 4 bytes at a time (16 for IPv4, 28 for IPv6), then the tail. */
function sameBytes(room: NameRoom, last: { readonly raw: Buffer; readonly words: Int32Array }, len: number): boolean {
  const a = room.words;
  const b = last.words;
  const n = len >>> 2;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  for (let i = n << 2; i < len; i++) if (room.bytes[i] !== last.raw[i]) return false;
  return true;
}

/**
 * The `{ host, port }` or `{ filename }` of a decoded name, frozen, as
 * `'message'` listeners get it. Callers keep the last one while the name stays
 * the same ({@link decodeSender} returns the same name object for a repeated
 * sender), so a stream of datagrams from one peer allocates none.
 *
 * @param name - a decoded sender
 * @returns the sender as `'message'` listeners get it
 * @example
 * ```ts
 * emitter.emit('message', data, senderOf(name));
 * ```
 */
export function senderOf(name: DecodedName): MessageSender {
  return Object.freeze(isLocalName(name) ? { filename: name.address.name } : { host: name.address, port: name.port });
}
