/**
 * Leaf types of the package: socket family and kind, address designators,
 * socket names, option values, and the option and result shapes of every
 * operation. Types only; nothing here imports an implementation file, so
 * every layer (core, ops, socket, api) may use them.
 */
import type { Address, InetAddress, LocalAddress } from '@iolib/address';
import type { InetSockaddrValue, LocalSockaddrValue } from '@iolib/syscalls';

/** Address family of a socket, as `socketAddressFamily` reports it. */
export type SocketFamily = 'ipv4' | 'ipv6' | 'local';
/** Socket type, as `socketType` reports it. */
export type SocketKind = 'stream' | 'datagram' | 'seqpacket';

/** Stream settings a socket is made with, inherited by accepted sockets. */
export interface StreamDefaults {
  readonly inputBufferSize?: number;
  readonly outputBufferSize?: number;
  readonly externalFormat?: BufferEncoding;
}

/** A decoded socket address: `{ address, port }` for internet sockets, `{ address }` (a `LocalAddress`) for local ones. */
export type DecodedName = InetSockaddrValue | LocalSockaddrValue;

/** A host designator: an address value, an address literal, or a host name. */
export type HostDesignator = Address | string;
/** A port designator: a number 0–65535 or a service name (`'http'`). */
export type PortDesignator = number | string;
/** A Unix socket name: a path, or a `LocalAddress` (abstract names included). */
export type FilenameDesignator = Address | string;

/** The name of an internet socket end. */
export interface InetName {
  readonly host: InetAddress;
  readonly port: number;
}
/** The name of a local socket end: its path or abstract name (`''` when unnamed). */
export interface LocalName {
  readonly filename: string;
  readonly abstract: boolean;
  readonly address: LocalAddress;
}
/** What `localName` / `remoteName` return. */
export type SocketName = InetName | LocalName;

/** `SO_LINGER`'s value: whether `close` lingers, and for how many seconds. */
export interface Linger {
  readonly enabled: boolean;
  readonly seconds: number;
}

/** Every option and the type of its value. Timeouts are seconds (fractions allowed). */
export interface SocketOptionValues {
  acceptConnections: boolean;
  error: number;
  type: number;
  domain: number;
  protocol: number;
  broadcast: boolean;
  debug: boolean;
  dontRoute: boolean;
  keepAlive: boolean;
  linger: Linger;
  oobInline: boolean;
  receiveBuffer: number;
  sendBuffer: number;
  receiveLowWater: number;
  sendLowWater: number;
  receiveTimeout: number;
  sendTimeout: number;
  reuseAddress: boolean;
  reusePort: boolean;
  bindToDevice: string;
  priority: number;
  tcpNodelay: boolean;
  tcpMaxseg: number;
  tcpCork: boolean;
  tcpQuickack: boolean;
  tcpDeferAccept: number;
  tcpKeepcnt: number;
  tcpKeepidle: number;
  tcpKeepintvl: number;
  tcpLinger2: number;
  tcpSyncnt: number;
  tcpWindowClamp: number;
  ipHeaderInclude: boolean;
  ipReceiveError: boolean;
  ipTtl: number;
  ipTos: number;
  ipv6Only: boolean;
  ipv6UnicastHops: number;
  /** `IP_MULTICAST_TTL`: TTL of outgoing IPv4 multicast (default 1). */
  multicastTtl: number;
  /** `IPV6_MULTICAST_HOPS`: hop limit of outgoing IPv6 multicast (default 1). */
  multicastHops: number;
  /** `IP_MULTICAST_LOOP` / `IPV6_MULTICAST_LOOP` (by the socket's family): this host's own listeners get what it sends (default true). */
  multicastLoop: boolean;
  /** `IP_MULTICAST_IF` / `IPV6_MULTICAST_IF`, write-only: the interface outgoing multicast leaves by, a name or an index (0: by route). */
  multicastInterface: string | number;
  icmpFilter: number;
}

/** A typed option name. */
export type SocketOptionName = keyof SocketOptionValues;

/** Options of `bindAddress`. */
export interface BindOptions {
  /** Internet sockets: the port (number or service name), default 0 (the kernel picks one). */
  readonly port?: PortDesignator;
  /** Internet sockets: set `SO_REUSEADDR` first (default true, as IOLib). */
  readonly reuseAddress?: boolean;
}

/** Options of `listenOn`. */
export interface ListenOptions {
  /** Pending-connection queue length; default `DEFAULT_BACKLOG_SIZE`. */
  readonly backlog?: number;
}

/** Options of `acceptConnection`. */
export interface AcceptOptions extends StreamDefaults {
  /** Wait for a connection (default true); `false` returns `null` at once when none is pending. */
  readonly wait?: boolean;
  /** With `wait`: give up after this many seconds and return `null`. */
  readonly timeout?: number;
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** An accepted connection (a socket of class `S`) and who it came from. */
export interface Accepted<S> {
  readonly socket: S;
  /** Internet sockets: the peer's address. */
  readonly host?: InetAddress;
  /** Internet sockets: the peer's port. */
  readonly port?: number;
  /** Local sockets: the peer's name (`''` when unnamed, the usual case). */
  readonly filename?: string;
}

/** Options of `connect`. */
export interface ConnectOptions {
  /** Internet sockets: the port (number or service name); default 0, as IOLib. */
  readonly port?: PortDesignator;
  /** Wait until connected (default true); `false` returns while a stream connect is in progress. */
  readonly wait?: boolean;
  /** With `wait`: reject with `PollTimeoutError` after this many seconds. */
  readonly timeout?: number;
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** Options of `sendTo`. */
export interface SendToOptions {
  /** First byte of `buffer` to send (default 0). */
  readonly start?: number;
  /** Index after the last byte (default the length). */
  readonly end?: number;
  /** Unconnected internet datagram sockets: destination host. */
  readonly remoteHost?: HostDesignator;
  /** With `remoteHost`: destination port (required: a host without a port is a `TypeError`). */
  readonly remotePort?: PortDesignator;
  /** Unconnected local datagram sockets: destination path or `LocalAddress`. */
  readonly remoteFilename?: FilenameDesignator;
  /** `MSG_DONTROUTE`: only directly connected networks. */
  readonly dontRoute?: boolean;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting when the buffer is full. */
  readonly dontWait?: boolean;
  /** `MSG_OOB`: out-of-band data (stream sockets). */
  readonly outOfBand?: boolean;
  /** `MSG_MORE`: more data follows (Linux). */
  readonly more?: boolean;
  /** `MSG_CONFIRM`: the link layer made progress (Linux, datagram sockets). */
  readonly confirm?: boolean;
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** Options of `receiveFrom`: a `buffer` (with `start`/`end`) or a `size`, and flags. */
export interface ReceiveFromOptions {
  /** Receive into this buffer (a `Uint8Array` or other `ArrayBufferView`). */
  readonly buffer?: Uint8Array | ArrayBufferView;
  /** Without `buffer`: allocate a zero-filled Buffer of this many bytes. */
  readonly size?: number;
  readonly start?: number;
  readonly end?: number;
  /** `MSG_OOB`: out-of-band data (stream sockets). */
  readonly outOfBand?: boolean;
  /** `MSG_PEEK`: leave the data in the kernel. */
  readonly peek?: boolean;
  /** `MSG_WAITALL`: stream sockets wait until the range is full (or end of stream). */
  readonly waitAll?: boolean;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting when nothing is there. */
  readonly dontWait?: boolean;
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** What `receiveFrom` returns: the buffer, the byte count, and for datagram sockets the sender. */
export interface ReceiveResult {
  /** The buffer given, or the one allocated. */
  readonly buffer: Buffer;
  /** Bytes written at `start` (0 at end of stream). */
  readonly bytes: number;
  /** Internet datagram sockets: the sender's address. */
  readonly host?: InetAddress;
  /** Internet datagram sockets: the sender's port. */
  readonly port?: number;
  /** Local datagram sockets: the sender's name (`''` when unnamed). */
  readonly filename?: string;
}

/** Options of `receiveMany`. */
export interface ReceiveManyOptions {
  /** Most datagrams to take, 1–1024 (default 64). */
  readonly count?: number;
  /** Room per datagram in bytes (default 65536, the largest UDP payload); longer ones arrive `truncated`. */
  readonly size?: number;
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** One datagram of `receiveMany`: its bytes in a Buffer of their own length, and its sender. */
export interface ReceivedDatagram extends ReceiveResult {
  /** The datagram was longer than `size` and was cut (`MSG_TRUNC`). */
  readonly truncated: boolean;
}

/** One datagram for `sendMany`, and where it goes (unconnected sockets). */
export interface OutgoingDatagram {
  readonly buffer: Bytes;
  /** Internet sockets: destination host (with `remotePort`). */
  readonly remoteHost?: HostDesignator;
  /** Internet sockets: destination port (with `remoteHost`). */
  readonly remotePort?: PortDesignator;
  /** Local sockets: destination path or `LocalAddress`. */
  readonly remoteFilename?: FilenameDesignator;
}

/** Options of `sendMany`. */
export interface SendManyOptions {
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** Options of `sendFileDescriptor` and `receiveFileDescriptor`. */
export interface FdPassingOptions {
  /** Abort the wait: the promise rejects with the signal's reason (an `AbortError` when it has none); the socket stays usable. */
  readonly signal?: AbortSignal;
}

/** Options of `shutdown`: at least one direction. */
export interface ShutdownOptions {
  /** Disallow further receptions. */
  readonly read?: boolean;
  /** Disallow further transmissions: the peer reads end of stream. */
  readonly write?: boolean;
}

/** Bytes to send: a `Uint8Array`, another `ArrayBufferView`, or an array of octets. */
export type Bytes = Uint8Array | ArrayBufferView | readonly number[];

/** A process's credentials (`struct ucred`): `SCM_CREDENTIALS`, `SO_PEERCRED`. */
export interface Credentials {
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
}

/** Where a received datagram was sent: its destination address and the interface it came in on. */
export interface PacketDestination {
  readonly address: InetAddress;
  readonly interfaceIndex: number;
}

/** Options of `sendMessage`. */
export interface SendMessageOptions {
  /** The bytes: one buffer, or several sent as one message (gather). */
  readonly buffers: Uint8Array | readonly Uint8Array[];
  /** Unconnected internet datagram sockets: destination host (with `remotePort`). */
  readonly remoteHost?: HostDesignator;
  /** With `remoteHost`: destination port (required). */
  readonly remotePort?: PortDesignator;
  /** Unconnected local datagram sockets: destination path or `LocalAddress`. */
  readonly remoteFilename?: FilenameDesignator;
  /** Local sockets: file descriptors to pass (`SCM_RIGHTS`, 1–253); they stay open here. */
  readonly fds?: readonly number[];
  /** Local sockets: `SCM_CREDENTIALS`, `true` for this process's own, or `{ pid, uid, gid }` (checked by the kernel). */
  readonly credentials?: true | Credentials;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting when the buffer is full. */
  readonly dontWait?: boolean;
  /** `MSG_MORE`: more data follows (Linux). */
  readonly more?: boolean;
  /** `MSG_NOSIGNAL` (default `true`): a closed peer gives `EPIPE`, never `SIGPIPE`. */
  readonly noSignal?: boolean;
  /** Reject with the signal's reason when aborted before the message is sent. */
  readonly signal?: AbortSignal;
}

/** Options of `receiveMessage`: `buffers` (scatter) or `size`, ancillary data and flags. */
export interface ReceiveMessageOptions {
  /** Receive into these buffers, in order (scatter). */
  readonly buffers?: Uint8Array | readonly Uint8Array[];
  /** Without `buffers`: one zero-filled Buffer of this many bytes. */
  readonly size?: number;
  /** Local sockets: how many passed fds to take (0–253, default 16); more are closed and `controlTruncated` is set. */
  readonly maxFds?: number;
  /** Local sockets: turn `SO_PASSCRED` on, so messages carry the sender's credentials. */
  readonly credentials?: boolean;
  /** Internet sockets: turn `IP_PKTINFO` / `IPV6_RECVPKTINFO` on and report `destination`. */
  readonly packetInfo?: boolean;
  /** `MSG_PEEK`: leave the message queued (its fds are passed again by each peek). */
  readonly peek?: boolean;
  /** Stream sockets: fill the buffers (or reach end of stream) before resolving. */
  readonly waitAll?: boolean;
  /** `MSG_DONTWAIT`: reject with `EAGAIN` instead of waiting. */
  readonly dontWait?: boolean;
  /** Reject with the signal's reason when aborted before a message arrives; nothing is consumed. */
  readonly signal?: AbortSignal;
}

/** What `receiveMessage` returns. */
export interface ReceiveMessageResult {
  /** Bytes stored in `buffers` (a longer datagram or record: see `truncated`). */
  readonly bytes: number;
  /** The buffers given, or the one allocated. */
  readonly buffers: Buffer[];
  /** Internet datagram sockets: the sender's address. */
  readonly host?: InetAddress;
  /** Internet datagram sockets: the sender's port. */
  readonly port?: number;
  /** Local datagram sockets: the sender's name (`''` when unnamed). */
  readonly filename?: string;
  /** File descriptors passed with the message, close-on-exec, now the caller's to close. */
  readonly fds: number[];
  /** The sender's credentials (`SCM_CREDENTIALS`), when the message carried them. */
  readonly credentials?: Credentials;
  /** With `packetInfo`: the address the datagram was sent to and the interface it arrived on. */
  readonly destination?: PacketDestination;
  /** `MSG_TRUNC`: the datagram or record was longer than the buffers; the rest is lost. */
  readonly truncated: boolean;
  /** `MSG_CTRUNC`, or more fds than `maxFds` arrived: some ancillary data was dropped (extra fds closed). */
  readonly controlTruncated: boolean;
}

/** Options of `joinGroup` / `leaveGroup`. */
export interface GroupOptions {
  /** The interface: a name (`'eth0'`) or an index; default: the one the route to the group picks. */
  readonly interface?: string | number;
  /** Source-specific multicast: the group's datagrams from this source only. */
  readonly source?: InetAddress | string;
}
