/**
 * @iolib/sockets: IOLib's sockets (manual §2.2) on real kernel sockets —
 * TCP, UDP, Unix stream, datagram and seqpacket (paths and abstract names),
 * messages with ancillary data (several fds at once, credentials, packet
 * information), multicast, typed socket options, and one error class per
 * socket condition. Active
 * stream sockets are Node `Duplex` streams; everything is non-blocking on
 * Node's own event loop.
 *
 * @packageDocumentation
 */
export {
  SocketError,
  SocketAddressInUseError,
  SocketAddressFamilyNotSupportedError,
  SocketAddressNotAvailableError,
  SocketAlreadyConnectedError,
  SocketConnectionAbortedError,
  SocketConnectionRefusedError,
  SocketConnectionResetError,
  SocketConnectionTimeoutError,
  SocketConnectionInProgressError,
  SocketEndpointShutdownError,
  SocketHostDownError,
  SocketHostUnreachableError,
  SocketNetworkDownError,
  SocketNetworkResetError,
  SocketNetworkUnreachableError,
  SocketNoBufferSpaceError,
  SocketNoNetworkError,
  SocketNotConnectedError,
  SocketOperationNotSupportedError,
  SocketOptionNotSupportedError,
  socketError,
  socketErrorClass,
  type SocketErrorClass,
  type SocketErrorDetails,
} from './core/errors.js';
export { OPTIONS as SOCKET_OPTIONS } from './core/option-table.js';
export type {
  SocketFamily,
  SocketKind,
  StreamDefaults,
  HostDesignator,
  PortDesignator,
  FilenameDesignator,
  SocketName,
  InetName,
  LocalName,
  SocketOptionName,
  SocketOptionValues,
  Linger,
  BindOptions,
  ListenOptions,
  AcceptOptions,
  Accepted,
  ConnectOptions,
  SendToOptions,
  ReceiveFromOptions,
  ReceiveResult,
  ShutdownOptions,
  FdPassingOptions,
  ReceiveManyOptions,
  ReceivedDatagram,
  OutgoingDatagram,
  SendManyOptions,
  Credentials,
  PacketDestination,
  SendMessageOptions,
  ReceiveMessageOptions,
  ReceiveMessageResult,
  GroupOptions,
} from './types.js';
export type { MessageSender } from './core/sender.js';
export { sendMany, receiveMany } from './api/batch.js';
export { DEFAULT_BACKLOG_SIZE, MAX_BACKLOG_SIZE } from './ops/listen.js';
export {
  Socket,
  StreamSocket,
  DatagramSocket,
  InternetSocket,
  LocalSocket,
  ActiveSocket,
  PassiveSocket,
  SocketStreamInternetActive,
  SocketStreamInternetPassive,
  SocketStreamLocalActive,
  SocketStreamLocalPassive,
  SocketDatagramInternetActive,
  SocketDatagramLocalActive,
  SeqpacketSocket,
  SocketSeqpacketLocalActive,
  SocketSeqpacketLocalPassive,
  type ActiveStreamSocket,
  type AcceptResult,
  type AbstractSocketClass,
} from './socket/classes.js';
export { makeSocket, withOpenSocket, type SocketFor } from './socket/make-socket.js';
export { MATRIX as MAKE_SOCKET_MATRIX, type MakeSocketOptions } from './socket/make-socket-options.js';
export { makeSocketFromFd, type FromFdOptions } from './socket/from-fd.js';
export { makeSocketPair, type SocketPairOptions } from './socket/socket-pair.js';
export { bindAddress, listenOn, acceptConnection, withAcceptConnection, connect, disconnect, shutdown } from './api/connection.js';
export { sendTo, receiveFrom, sendFileDescriptor, receiveFileDescriptor } from './api/transfer.js';
export { sendMessage, receiveMessage, peerCredentials } from './api/messages.js';
export { joinGroup, leaveGroup } from './api/multicast.js';
export { getOption, setOption } from './api/options.js';
export {
  socketOsFd,
  socketType,
  socketProtocol,
  socketAddressFamily,
  localName,
  remoteName,
  localHost,
  localPort,
  localFilename,
  remoteHost,
  remotePort,
  remoteFilename,
  isSocketOpen,
  isSocketConnected,
  isSocketIPv6,
} from './api/accessors.js';
export { toNodeSocket, toNodeServer, toDgramSocket } from './interop/to-node.js';
export { fromNodeSocket, type FromNodeSocketOptions } from './interop/from-node.js';
export type { NodeSocket } from './interop/node-handle.js';
