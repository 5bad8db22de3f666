/**
 * @iolib/sockets: IOLib's sockets (manual §2.2) on real kernel sockets —
 * TCP, UDP, Unix stream and datagram (paths and abstract names), fd passing,
 * typed socket options, and one error class per socket condition. Active
 * stream sockets are Node `Duplex` streams; everything is non-blocking on
 * Node's own event loop.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export {
  Socket, StreamSocket, DatagramSocket, InternetSocket, LocalSocket, ActiveSocket, PassiveSocket,
  SocketStreamInternetActive, SocketStreamInternetPassive, SocketStreamLocalActive, SocketStreamLocalPassive,
  SocketDatagramInternetActive, SocketDatagramLocalActive,
} from './classes.js';
export type { ActiveStreamSocket } from './types.js';
export type { SocketFamily, SocketKind } from './core.js';
export type { AbstractSocketClass } from './brand.js';
export type { StreamDefaults } from './construct.js';
export { makeSocket, withOpenSocket, type SocketFor } from './make-socket.js';
export { MATRIX as MAKE_SOCKET_MATRIX, type MakeSocketOptions, type HostDesignator, type PortDesignator, type FilenameDesignator } from './make-socket-options.js';
export { makeSocketFromFd, type FromFdOptions } from './from-fd.js';
export { makeSocketPair, type SocketPairOptions } from './socket-pair.js';
export { bindAddress, type BindOptions } from './bind.js';
export { listenOn, DEFAULT_BACKLOG_SIZE, MAX_BACKLOG_SIZE, type ListenOptions } from './listen.js';
export { acceptConnection, withAcceptConnection, type AcceptOptions, type AcceptResult } from './accept.js';
export { connect, disconnect, type ConnectOptions } from './connect.js';
export { sendTo, type SendToOptions } from './send.js';
export { receiveFrom, type ReceiveFromOptions, type ReceiveResult } from './receive.js';
export { shutdown, type ShutdownOptions } from './shutdown.js';
export { sendFileDescriptor, receiveFileDescriptor } from './fd-passing.js';
export { getOption, setOption } from './options.js';
export { OPTIONS as SOCKET_OPTIONS, type SocketOptionName, type SocketOptionValues, type Linger } from './option-table.js';
export {
  socketOsFd, socketType, socketProtocol, socketAddressFamily, localName, remoteName, localHost, localPort, localFilename,
  remoteHost, remotePort, remoteFilename, isSocketOpen, isSocketConnected, isSocketIPv6,
  type SocketName, type InetName, type LocalName,
} from './accessors.js';
