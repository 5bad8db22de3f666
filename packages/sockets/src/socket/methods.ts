/**
 * The methods every socket class carries, as mixins over a base class (Node's
 * `Duplex` for active stream sockets, a plain object otherwise). Each method
 * calls the operation of the same name on the socket's core:
 * `s.sendTo(b, o)` ≡ `sendTo(s, b, o)` (the free functions in `api/` document them).
 */
import type { InetAddress } from '@iolib/address';
import { EventEmitter } from 'node:events';
import { CORE } from '../core/handle.js';
import type { SocketCore } from '../core/socket-core.js';
import * as accessors from '../ops/accessors.js';
import { bindAddress } from '../ops/bind.js';
import { connect } from '../ops/connect.js';
import { peerCredentials } from '../ops/credentials.js';
import { receiveFileDescriptor, sendFileDescriptor } from '../ops/fd-passing.js';
import { receiveMessage, sendMessage } from '../ops/message.js';
import { getOption, setOption } from '../ops/options.js';
import { receiveFrom } from '../ops/receive.js';
import { receiveMany } from '../ops/receive-many.js';
import { sendTo } from '../ops/send.js';
import { sendMany } from '../ops/send-many.js';
import { shutdown } from '../ops/shutdown.js';
import { describeSocket } from './describe.js';
import type {
  BindOptions,
  Bytes,
  ConnectOptions,
  Credentials,
  FdPassingOptions,
  FilenameDesignator,
  HostDesignator,
  OutgoingDatagram,
  ReceivedDatagram,
  ReceiveFromOptions,
  ReceiveManyOptions,
  ReceiveMessageOptions,
  ReceiveMessageResult,
  ReceiveResult,
  SendManyOptions,
  SendMessageOptions,
  SendToOptions,
  ShutdownOptions,
  SocketFamily,
  SocketKind,
  SocketName,
  SocketOptionName,
  SocketOptionValues,
} from '../types.js';

/** Any class a mixin can extend (TypeScript requires `any[]` for mixin constructors). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor = abstract new (...args: any[]) => object;

/** `util.inspect.custom` (its registered symbol), so the published types need no `node:util`. */
const INSPECT: symbol = Symbol.for('nodejs.util.inspect.custom');

/** A plain base for sockets that are not streams. */
export class SocketObject {}

/** An `EventEmitter` base for sockets with events but no stream (datagram sockets). */
export class SocketEmitter extends (EventEmitter as new () => EventEmitter) {}

/**
 * Add the methods of every socket: close, accessors, predicates, options, bind, shutdown.
 *
 * @param Base - the class to extend
 * @returns the extended class
 * @example
 * ```ts
 * class PassiveBase extends SocketMethods(SocketObject) {}
 * ```
 */
export function SocketMethods<B extends Constructor>(Base: B) {
  abstract class WithSocketMethods extends Base {
    /** The fd-level state. Internal. */
    declare [CORE]: SocketCore;

    /** Close the socket: idempotent; pending operations reject; the fd number is never used again. */
    close(): void {
      this[CORE].close();
    }
    /** Keep the process alive while this socket waits (the default). */
    ref(): this {
      this[CORE].ref(true);
      return this;
    }
    /** Let the process exit even while this socket waits. */
    unref(): this {
      this[CORE].ref(false);
      return this;
    }
    /** Whether this socket keeps the process alive while it waits or listens (true for a new socket). */
    hasRef(): boolean {
      return this[CORE].refed;
    }
    [Symbol.dispose](): void {
      this.close();
    }
    /** `[SocketStreamInternetActive fd 17 127.0.0.1:40000 → 127.0.0.1:8080]`, or `[… closed]`. System calls: `getsockname(2)`, `getsockopt(2)`, `getpeername(2)`. */
    override toString(): string {
      return `[${describeSocket(this.constructor.name, this[CORE])}]`;
    }
    /** What `util.inspect` shows: `<SocketStreamInternetActive fd 17 127.0.0.1:40000 → 127.0.0.1:8080>`. */
    [INSPECT](): string {
      return `<${describeSocket(this.constructor.name, this[CORE])}>`;
    }
    [Symbol.asyncDispose](): Promise<void> {
      this.close();
      return Promise.resolve();
    }
    /** See `isSocketOpen`. */
    isSocketOpen(): boolean {
      return accessors.isSocketOpen(this[CORE]);
    }
    /** See `isSocketConnected`. */
    isSocketConnected(): boolean {
      return accessors.isSocketConnected(this[CORE]);
    }
    /** See `isSocketIPv6`. */
    isSocketIPv6(): boolean {
      return accessors.isSocketIPv6(this[CORE]);
    }
    /** See `socketOsFd`. */
    socketOsFd(): number | null {
      return accessors.socketOsFd(this[CORE]);
    }
    /** See `socketType`. */
    socketType(): SocketKind {
      return accessors.socketType(this[CORE]);
    }
    /** See `socketProtocol`. */
    socketProtocol(): 'default' {
      return accessors.socketProtocol(this[CORE]);
    }
    /** See `socketAddressFamily`. */
    socketAddressFamily(): SocketFamily {
      return accessors.socketAddressFamily(this[CORE]);
    }
    /** See `localName`. */
    localName(): SocketName {
      return accessors.localName(this[CORE]);
    }
    /** See `localHost`. */
    localHost(): InetAddress {
      return accessors.localHost(this[CORE]);
    }
    /** See `localPort`. */
    localPort(): number {
      return accessors.localPort(this[CORE]);
    }
    /** See `localFilename`. */
    localFilename(): string {
      return accessors.localFilename(this[CORE]);
    }
    /** See `remoteName`. */
    remoteName(): SocketName {
      return accessors.remoteName(this[CORE]);
    }
    /** See `remoteHost`. */
    remoteHost(): InetAddress {
      return accessors.remoteHost(this[CORE]);
    }
    /** See `remotePort`. */
    remotePort(): number {
      return accessors.remotePort(this[CORE]);
    }
    /** See `remoteFilename`. */
    remoteFilename(): string {
      return accessors.remoteFilename(this[CORE]);
    }
    /** See `getOption`. */
    getOption<K extends SocketOptionName>(name: K): SocketOptionValues[K] {
      return getOption(this[CORE], name);
    }
    /** See `setOption`. */
    setOption<K extends SocketOptionName>(name: K, value: SocketOptionValues[K]): SocketOptionValues[K] {
      return setOption(this[CORE], name, value);
    }
    /** See `bindAddress`. */
    async bindAddress(address: HostDesignator | FilenameDesignator, options?: BindOptions): Promise<this> {
      await bindAddress(this[CORE], address, options);
      return this;
    }
    /** See `shutdown`. */
    shutdown(options: ShutdownOptions): this {
      shutdown(this[CORE], options);
      return this;
    }
  }
  return WithSocketMethods;
}

/**
 * Add the methods of active sockets: connect, send, receive, messages, fd passing, peer credentials.
 *
 * @param Base - the class to extend
 * @returns the extended class
 * @example
 * ```ts
 * class DatagramBase extends ActiveMethods(SocketMethods(SocketObject)) {}
 * ```
 */
export function ActiveMethods<B extends Constructor>(Base: B) {
  abstract class WithActiveMethods extends Base {
    /** The fd-level state. Internal. */
    declare [CORE]: SocketCore;

    /** See `connect`. */
    connect(address: HostDesignator | FilenameDesignator, options?: ConnectOptions): Promise<void> {
      return connect(this[CORE], address, options);
    }
    /** See `sendTo`. */
    sendTo(buffer: Bytes, options?: SendToOptions): Promise<number> {
      return sendTo(this[CORE], buffer, options);
    }
    /** See `receiveFrom`. */
    receiveFrom(options: ReceiveFromOptions): Promise<ReceiveResult> {
      return receiveFrom(this[CORE], options);
    }
    /** See `sendFileDescriptor`. */
    sendFileDescriptor(fd: number, options?: FdPassingOptions): Promise<void> {
      return sendFileDescriptor(this[CORE], fd, options);
    }
    /** See `receiveFileDescriptor`. */
    receiveFileDescriptor(options?: FdPassingOptions): Promise<number> {
      return receiveFileDescriptor(this[CORE], options);
    }
    /** See `sendMessage`. */
    sendMessage(options: SendMessageOptions): Promise<number> {
      return sendMessage(this[CORE], options);
    }
    /** See `receiveMessage`. */
    receiveMessage(options: ReceiveMessageOptions): Promise<ReceiveMessageResult> {
      return receiveMessage(this[CORE], options);
    }
    /** See `peerCredentials`. */
    peerCredentials(): Credentials {
      return peerCredentials(this[CORE]);
    }
  }
  return WithActiveMethods;
}

/**
 * Add the batched datagram methods: `sendMany`, `receiveMany`.
 *
 * @param Base - the class to extend
 * @returns the extended class
 * @example
 * ```ts
 * class DatagramBase extends BatchMethods(ActiveMethods(SocketMethods(SocketEmitter))) {}
 * ```
 */
export function BatchMethods<B extends Constructor>(Base: B) {
  abstract class WithBatchMethods extends Base {
    /** The fd-level state. Internal. */
    declare [CORE]: SocketCore;

    /** See `sendMany`. */
    sendMany(messages: readonly OutgoingDatagram[], options?: SendManyOptions): Promise<number> {
      return sendMany(this[CORE], messages, options);
    }
    /** See `receiveMany`. */
    receiveMany(options?: ReceiveManyOptions): Promise<ReceivedDatagram[]> {
      return receiveMany(this[CORE], options);
    }
  }
  return WithBatchMethods;
}
