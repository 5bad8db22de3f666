/**
 * The socket classes of manual §2.2.1. Concrete classes are real classes
 * (active stream ones extend Node's `Duplex`); the abstract ones (`Socket`,
 * `StreamSocket`, …) are brand checks, so `instanceof` holds along each
 * class precedence list of the manual.
 */
import { abstractClass, brandClass, type AbstractSocketClass } from './brand.js';
import type { SocketCore } from './core.js';
import { registerSocketFactory, type StreamDefaults } from './construct.js';
import { DatagramBase } from './datagram-socket.js';
import { PassiveBase } from './passive-socket.js';
import { ActiveStreamBase } from './stream-socket.js';
import type * as T from './types.js';

/** TCP client or accepted connection (`SOCK_STREAM`, `AF_INET`/`AF_INET6`): a Node `Duplex`. */
export class SocketStreamInternetActive extends ActiveStreamBase {}
/** TCP listener. */
export class SocketStreamInternetPassive extends PassiveBase {}
/** Unix stream client, accepted connection or socket pair end (`SOCK_STREAM`, `AF_UNIX`): a Node `Duplex`. */
export class SocketStreamLocalActive extends ActiveStreamBase {}
/** Unix stream listener. */
export class SocketStreamLocalPassive extends PassiveBase {}
/** UDP socket (`SOCK_DGRAM`, `AF_INET`/`AF_INET6`). */
export class SocketDatagramInternetActive extends DatagramBase {}
/** Unix datagram socket (`SOCK_DGRAM`, `AF_UNIX`). */
export class SocketDatagramLocalActive extends DatagramBase {}

brandClass(SocketStreamInternetActive, ['SocketStreamInternetActive', 'ActiveSocket', 'StreamSocket', 'InternetSocket', 'Socket']);
brandClass(SocketStreamInternetPassive, ['SocketStreamInternetPassive', 'PassiveSocket', 'StreamSocket', 'InternetSocket', 'Socket']);
brandClass(SocketStreamLocalActive, ['SocketStreamLocalActive', 'ActiveSocket', 'StreamSocket', 'LocalSocket', 'Socket']);
brandClass(SocketStreamLocalPassive, ['SocketStreamLocalPassive', 'PassiveSocket', 'StreamSocket', 'LocalSocket', 'Socket']);
brandClass(SocketDatagramInternetActive, ['SocketDatagramInternetActive', 'ActiveSocket', 'DatagramSocket', 'InternetSocket', 'Socket']);
brandClass(SocketDatagramLocalActive, ['SocketDatagramLocalActive', 'ActiveSocket', 'DatagramSocket', 'LocalSocket', 'Socket']);

/** Any socket (IOLib's `socket`). Abstract: `s instanceof Socket`. */
export const Socket: AbstractSocketClass<T.Socket> = abstractClass('Socket');
export type Socket = T.Socket;
/** `SOCK_STREAM` sockets, active and passive. */
export const StreamSocket: AbstractSocketClass<T.StreamSocket> = abstractClass('StreamSocket');
export type StreamSocket = T.StreamSocket;
/** `SOCK_DGRAM` sockets. */
export const DatagramSocket: AbstractSocketClass<T.DatagramSocket> = abstractClass('DatagramSocket');
export type DatagramSocket = T.DatagramSocket;
/** `AF_INET` / `AF_INET6` sockets. */
export const InternetSocket: AbstractSocketClass<T.InternetSocket> = abstractClass('InternetSocket');
export type InternetSocket = T.InternetSocket;
/** `AF_UNIX` sockets. */
export const LocalSocket: AbstractSocketClass<T.LocalSocket> = abstractClass('LocalSocket');
export type LocalSocket = T.LocalSocket;
/** Active (client/connection) sockets: stream and datagram. */
export const ActiveSocket: AbstractSocketClass<T.ActiveSocket> = abstractClass('ActiveSocket');
export type ActiveSocket = T.ActiveSocket;
/** Passive (listening) sockets. */
export const PassiveSocket: AbstractSocketClass<T.PassiveSocket> = abstractClass('PassiveSocket');
export type PassiveSocket = T.PassiveSocket;

registerSocketFactory({
  active(core: SocketCore, defaults: StreamDefaults): T.ActiveSocket {
    if (core.type === 'datagram') {
      return core.family === 'local' ? new SocketDatagramLocalActive(core, defaults) : new SocketDatagramInternetActive(core, defaults);
    }
    return core.family === 'local' ? new SocketStreamLocalActive(core, defaults) : new SocketStreamInternetActive(core, defaults);
  },
  passive(core: SocketCore, defaults: StreamDefaults): T.PassiveSocket {
    if (core.type !== 'stream') throw new TypeError('a datagram socket cannot be passive');
    return core.family === 'local' ? new SocketStreamLocalPassive(core, defaults) : new SocketStreamInternetPassive(core, defaults);
  },
});
