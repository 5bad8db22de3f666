/**
 * The socket classes of manual §2.2.1. Concrete classes are real classes
 * (active stream ones extend Node's `Duplex`); the abstract ones (`Socket`,
 * `StreamSocket`, …) are brand checks, so `instanceof` holds along each
 * class precedence list of the manual. {@link activeClass} and
 * {@link passiveClass} pick the concrete class of a family and type.
 */
import { brandCheck, brandClass } from '@iolib/address/internal';
import type { SocketCore } from '../core/socket-core.js';
import type { Accepted, SocketFamily, SocketKind, StreamDefaults } from '../types.js';
import { DatagramBase } from './datagram-socket.js';
import { PassiveBase, type SocketClass } from './passive-socket.js';
import { SeqpacketBase } from './seqpacket-socket.js';
import { ActiveStreamBase } from './stream-socket.js';

/** TCP client or accepted connection (`SOCK_STREAM`, `AF_INET`/`AF_INET6`): a Node `Duplex`. */
export class SocketStreamInternetActive extends ActiveStreamBase {}
/** TCP listener. */
export class SocketStreamInternetPassive extends PassiveBase<SocketStreamInternetActive> {
  protected readonly connectionClass = SocketStreamInternetActive;
}
/** Unix stream client, accepted connection or socket pair end (`SOCK_STREAM`, `AF_UNIX`): a Node `Duplex`. */
export class SocketStreamLocalActive extends ActiveStreamBase {}
/** Unix stream listener. */
export class SocketStreamLocalPassive extends PassiveBase<SocketStreamLocalActive> {
  protected readonly connectionClass = SocketStreamLocalActive;
}
/** UDP socket (`SOCK_DGRAM`, `AF_INET`/`AF_INET6`). */
export class SocketDatagramInternetActive extends DatagramBase {}
/** Unix datagram socket (`SOCK_DGRAM`, `AF_UNIX`). */
export class SocketDatagramLocalActive extends DatagramBase {}
/** Unix seqpacket client, accepted connection or socket pair end (`SOCK_SEQPACKET`, `AF_UNIX`): records over a connection. */
export class SocketSeqpacketLocalActive extends SeqpacketBase {}
/** Unix seqpacket listener. */
export class SocketSeqpacketLocalPassive extends PassiveBase<SocketSeqpacketLocalActive> {
  protected readonly connectionClass = SocketSeqpacketLocalActive;
}

brandClass(SocketStreamInternetActive, 'SocketStreamInternetActive', ['ActiveSocket', 'StreamSocket', 'InternetSocket', 'Socket']);
brandClass(SocketStreamInternetPassive, 'SocketStreamInternetPassive', ['PassiveSocket', 'StreamSocket', 'InternetSocket', 'Socket']);
brandClass(SocketStreamLocalActive, 'SocketStreamLocalActive', ['ActiveSocket', 'StreamSocket', 'LocalSocket', 'Socket']);
brandClass(SocketStreamLocalPassive, 'SocketStreamLocalPassive', ['PassiveSocket', 'StreamSocket', 'LocalSocket', 'Socket']);
brandClass(SocketDatagramInternetActive, 'SocketDatagramInternetActive', ['ActiveSocket', 'DatagramSocket', 'InternetSocket', 'Socket']);
brandClass(SocketDatagramLocalActive, 'SocketDatagramLocalActive', ['ActiveSocket', 'DatagramSocket', 'LocalSocket', 'Socket']);
brandClass(SocketSeqpacketLocalActive, 'SocketSeqpacketLocalActive', ['ActiveSocket', 'SeqpacketSocket', 'LocalSocket', 'Socket']);
brandClass(SocketSeqpacketLocalPassive, 'SocketSeqpacketLocalPassive', ['PassiveSocket', 'SeqpacketSocket', 'LocalSocket', 'Socket']);

/** An abstract class of the lattice: a constructor that cannot be called, with brand-based `instanceof`. */
export interface AbstractSocketClass<T> {
  readonly name: string;
  [Symbol.hasInstance](value: unknown): value is T;
}

/** The abstract class `name` (`'StreamSocket'`): a function that throws when called, whose `instanceof` checks the brand. */
function abstractClass<T>(name: string): AbstractSocketClass<T> {
  const ctor = {
    [name]: function (): never {
      throw new TypeError(`${name} is an abstract socket class: make sockets with makeSocket, makeSocketPair or makeSocketFromFd`);
    },
  }[name];
  brandCheck(ctor as object, name);
  return ctor as unknown as AbstractSocketClass<T>;
}

/** Active stream sockets: Node `Duplex` streams. */
export type ActiveStreamSocket = SocketStreamInternetActive | SocketStreamLocalActive;
/** An accepted connection and who it came from. */
export type AcceptResult = Accepted<ActiveStreamSocket>;

/** Any socket (IOLib's `socket`). Abstract: `s instanceof Socket`. */
export const Socket: AbstractSocketClass<Socket> = abstractClass('Socket');
/** Every socket. */
export type Socket = ActiveSocket | PassiveSocket;
/** `SOCK_STREAM` sockets, active and passive. */
export const StreamSocket: AbstractSocketClass<StreamSocket> = abstractClass('StreamSocket');
/** Stream sockets: active and passive. */
export type StreamSocket = ActiveStreamSocket | PassiveSocket;
/** `SOCK_DGRAM` sockets. */
export const DatagramSocket: AbstractSocketClass<DatagramSocket> = abstractClass('DatagramSocket');
/** Datagram sockets (always active). */
export type DatagramSocket = SocketDatagramInternetActive | SocketDatagramLocalActive;
/** `SOCK_SEQPACKET` sockets, active and passive (local only). */
export const SeqpacketSocket: AbstractSocketClass<SeqpacketSocket> = abstractClass('SeqpacketSocket');
/** Seqpacket sockets: active and passive. */
export type SeqpacketSocket = SocketSeqpacketLocalActive | SocketSeqpacketLocalPassive;
/** `AF_INET` / `AF_INET6` sockets. */
export const InternetSocket: AbstractSocketClass<InternetSocket> = abstractClass('InternetSocket');
/** Internet sockets (`AF_INET`, `AF_INET6`). */
export type InternetSocket = SocketStreamInternetActive | SocketStreamInternetPassive | SocketDatagramInternetActive;
/** `AF_UNIX` sockets. */
export const LocalSocket: AbstractSocketClass<LocalSocket> = abstractClass('LocalSocket');
/** Local sockets (`AF_UNIX`). */
export type LocalSocket = SocketStreamLocalActive | SocketStreamLocalPassive | SocketDatagramLocalActive | SeqpacketSocket;
/** Active (client/connection) sockets: stream, datagram and seqpacket. */
export const ActiveSocket: AbstractSocketClass<ActiveSocket> = abstractClass('ActiveSocket');
/** Active sockets: stream, datagram and seqpacket. */
export type ActiveSocket = ActiveStreamSocket | DatagramSocket | SocketSeqpacketLocalActive;
/** Passive (listening) sockets. */
export const PassiveSocket: AbstractSocketClass<PassiveSocket> = abstractClass('PassiveSocket');
/** Passive (listening) sockets. */
export type PassiveSocket = SocketStreamInternetPassive | SocketStreamLocalPassive | SocketSeqpacketLocalPassive;

/**
 * The active class of a family and type.
 *
 * @param family - the socket's family
 * @param type - the socket's type
 * @returns its concrete class
 * @example
 * ```ts
 * new (activeClass('local', 'stream'))(core, {}); // a SocketStreamLocalActive
 * ```
 */
export function activeClass(family: SocketFamily, type: SocketKind): SocketClass<ActiveSocket> {
  if (type === 'datagram') return family === 'local' ? SocketDatagramLocalActive : SocketDatagramInternetActive;
  return connectionClass(family, type);
}

/**
 * The class of the connections of a family and type (what its listeners accept).
 *
 * @param family - the listener's family
 * @param type - `'stream'` (default) or `'seqpacket'`
 * @returns `SocketStreamLocalActive`, `SocketStreamInternetActive` or `SocketSeqpacketLocalActive`
 * @example
 * ```ts
 * connectionClass('ipv6') === SocketStreamInternetActive; // true
 * ```
 */
export function connectionClass(
  family: SocketFamily,
  type: SocketKind = 'stream',
): SocketClass<ActiveStreamSocket | SocketSeqpacketLocalActive> {
  if (type === 'seqpacket') return SocketSeqpacketLocalActive;
  return family === 'local' ? SocketStreamLocalActive : SocketStreamInternetActive;
}

/**
 * The passive class of a family and type.
 *
 * @param family - the socket's family
 * @param type - `'stream'` (default) or `'seqpacket'`
 * @returns its concrete class
 * @example
 * ```ts
 * new (passiveClass('ipv4'))(core, {}); // a SocketStreamInternetPassive
 * ```
 */
export function passiveClass(family: SocketFamily, type: SocketKind = 'stream'): SocketClass<PassiveSocket> {
  if (type === 'seqpacket') return SocketSeqpacketLocalPassive;
  return family === 'local' ? SocketStreamLocalPassive : SocketStreamInternetPassive;
}

/**
 * The socket object of `core`'s family and type (passive or active); closes
 * the core if making the object fails, so no fd is left behind.
 *
 * @param core - a new core
 * @param passive - make the passive class (stream and seqpacket sockets only)
 * @param defaults - the stream settings
 * @returns the socket
 * @throws whatever the class constructor throws
 * @example
 * ```ts
 * const s = socketOf(new SocketCore(fd, 'ipv4', 'stream'), false, {});
 * ```
 */
export function socketOf(core: SocketCore, passive: boolean, defaults: StreamDefaults): Socket {
  try {
    return passive ? new (passiveClass(core.family, core.type))(core, defaults) : new (activeClass(core.family, core.type))(core, defaults);
  } catch (e) {
    core.close();
    throw e;
  }
}
