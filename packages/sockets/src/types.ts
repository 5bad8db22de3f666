/**
 * Type unions over the concrete socket classes, one per abstract class of the
 * manual's lattice. Types only.
 */
import type {
  SocketDatagramInternetActive, SocketDatagramLocalActive, SocketStreamInternetActive, SocketStreamInternetPassive,
  SocketStreamLocalActive, SocketStreamLocalPassive,
} from './classes.js';

/** Active stream sockets: Node `Duplex` streams. */
export type ActiveStreamSocket = SocketStreamInternetActive | SocketStreamLocalActive;
/** Datagram sockets (always active). */
export type DatagramSocket = SocketDatagramInternetActive | SocketDatagramLocalActive;
/** Passive (listening) sockets. */
export type PassiveSocket = SocketStreamInternetPassive | SocketStreamLocalPassive;
/** Active sockets: stream and datagram. */
export type ActiveSocket = ActiveStreamSocket | DatagramSocket;
/** Stream sockets: active and passive. */
export type StreamSocket = ActiveStreamSocket | PassiveSocket;
/** Internet sockets (`AF_INET`, `AF_INET6`). */
export type InternetSocket = SocketStreamInternetActive | SocketStreamInternetPassive | SocketDatagramInternetActive;
/** Local sockets (`AF_UNIX`). */
export type LocalSocket = SocketStreamLocalActive | SocketStreamLocalPassive | SocketDatagramLocalActive;
/** Every socket. */
export type Socket = ActiveSocket | PassiveSocket;
