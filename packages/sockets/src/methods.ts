/**
 * The methods every socket class carries, as mixins over a base class (Node's
 * `Duplex` for active stream sockets, a plain object otherwise). Each method
 * calls the free function of the same name: `s.sendTo(b, o)` ≡ `sendTo(s, b, o)`.
 */
import type { InetAddress } from '@iolib/address';
import { acceptConnection, withAcceptConnection, type AcceptOptions, type AcceptResult } from './accept.js';
import * as acc from './accessors.js';
import { bindAddress, type BindOptions } from './bind.js';
import { connect, type ConnectOptions } from './connect.js';
import type { SocketCore, SocketFamily, SocketKind } from './core.js';
import { receiveFileDescriptor, sendFileDescriptor } from './fd-passing.js';
import { CORE } from './handle.js';
import { listenOn, type ListenOptions } from './listen.js';
import type { FilenameDesignator, HostDesignator } from './make-socket-options.js';
import { getOption, setOption } from './options.js';
import type { SocketOptionName, SocketOptionValues } from './option-table.js';
import { receiveFrom, type ReceiveFromOptions, type ReceiveResult } from './receive.js';
import { sendTo, type SendToOptions } from './send.js';
import { shutdown, type ShutdownOptions } from './shutdown.js';
import type { ActiveSocket, PassiveSocket, Socket } from './types.js';

/** Any class a mixin can extend (TypeScript requires `any[]` for mixin constructors). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor = abstract new (...args: any[]) => object;

/** A plain base for sockets that are not streams. */
export class SocketObject {}

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
    [Symbol.dispose](): void {
      this.close();
    }
    [Symbol.asyncDispose](): Promise<void> {
      this.close();
      return Promise.resolve();
    }
    /** See {@link acc.isSocketOpen}. */
    isSocketOpen(): boolean {
      return acc.isSocketOpen(this);
    }
    /** See {@link acc.isSocketConnected}. */
    isSocketConnected(): boolean {
      return acc.isSocketConnected(this);
    }
    /** See {@link acc.isSocketIPv6}. */
    isSocketIPv6(): boolean {
      return acc.isSocketIPv6(this);
    }
    /** See {@link acc.socketOsFd}. */
    socketOsFd(): number | null {
      return acc.socketOsFd(this);
    }
    /** See {@link acc.socketType}. */
    socketType(): SocketKind {
      return acc.socketType(this);
    }
    /** See {@link acc.socketProtocol}. */
    socketProtocol(): 'default' {
      return acc.socketProtocol(this);
    }
    /** See {@link acc.socketAddressFamily}. */
    socketAddressFamily(): SocketFamily {
      return acc.socketAddressFamily(this);
    }
    /** See {@link acc.localName}. */
    localName(): acc.SocketName {
      return acc.localName(this);
    }
    /** See {@link acc.localHost}. */
    localHost(): InetAddress {
      return acc.localHost(this);
    }
    /** See {@link acc.localPort}. */
    localPort(): number {
      return acc.localPort(this);
    }
    /** See {@link acc.localFilename}. */
    localFilename(): string {
      return acc.localFilename(this);
    }
    /** See {@link acc.remoteName}. */
    remoteName(): acc.SocketName {
      return acc.remoteName(this);
    }
    /** See {@link acc.remoteHost}. */
    remoteHost(): InetAddress {
      return acc.remoteHost(this);
    }
    /** See {@link acc.remotePort}. */
    remotePort(): number {
      return acc.remotePort(this);
    }
    /** See {@link acc.remoteFilename}. */
    remoteFilename(): string {
      return acc.remoteFilename(this);
    }
    /** See {@link getOption}. */
    getOption<K extends SocketOptionName>(name: K): SocketOptionValues[K] {
      return getOption(this, name);
    }
    /** See {@link setOption}. */
    setOption<K extends SocketOptionName>(name: K, value: SocketOptionValues[K]): SocketOptionValues[K] {
      return setOption(this, name, value);
    }
    /** See {@link bindAddress}. */
    async bindAddress(address: HostDesignator | FilenameDesignator, options?: BindOptions): Promise<this> {
      await bindAddress(this as unknown as Socket, address, options);
      return this;
    }
    /** See {@link shutdown}. */
    shutdown(options: ShutdownOptions): this {
      shutdown(this as unknown as Socket, options);
      return this;
    }
  }
  return WithSocketMethods;
}

/**
 * Add the methods of active sockets: connect, send, receive, fd passing.
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
    /** See {@link connect}. */
    connect(address: HostDesignator | FilenameDesignator, options?: ConnectOptions): Promise<void> {
      return connect(this as unknown as ActiveSocket, address, options);
    }
    /** See {@link sendTo}. */
    sendTo(buffer: Uint8Array | ArrayBufferView | readonly number[], options?: SendToOptions): Promise<number> {
      return sendTo(this as unknown as ActiveSocket, buffer, options);
    }
    /** See {@link receiveFrom}. */
    receiveFrom(options: ReceiveFromOptions): Promise<ReceiveResult> {
      return receiveFrom(this as unknown as ActiveSocket, options);
    }
    /** See {@link sendFileDescriptor}. */
    sendFileDescriptor(fd: number): Promise<void> {
      return sendFileDescriptor(this as unknown as ActiveSocket, fd);
    }
    /** See {@link receiveFileDescriptor}. */
    receiveFileDescriptor(): Promise<number> {
      return receiveFileDescriptor(this as unknown as ActiveSocket);
    }
  }
  return WithActiveMethods;
}

/**
 * Add the methods of passive sockets: listen, accept, and async iteration over
 * accepted connections.
 *
 * @param Base - the class to extend
 * @returns the extended class
 * @example
 * ```ts
 * class PassiveBase extends PassiveMethods(SocketMethods(SocketObject)) {}
 * ```
 */
export function PassiveMethods<B extends Constructor>(Base: B) {
  abstract class WithPassiveMethods extends Base {
    /** See {@link listenOn}. */
    listenOn(options?: ListenOptions): this {
      listenOn(this as unknown as PassiveSocket, options);
      return this;
    }
    /** See {@link acceptConnection}. */
    acceptConnection(options?: AcceptOptions): Promise<AcceptResult | null> {
      return acceptConnection(this as unknown as PassiveSocket, options);
    }
    /** See {@link withAcceptConnection}. */
    withAcceptConnection<T>(options: AcceptOptions, fn: (connection: AcceptResult | null) => Promise<T> | T): Promise<T> {
      return withAcceptConnection(this as unknown as PassiveSocket, options, fn);
    }
    /** Accepted connections, one after another, until the socket is closed. */
    async *[Symbol.asyncIterator](): AsyncGenerator<AcceptResult, void, undefined> {
      const self = this as unknown as PassiveSocket;
      while (acc.isSocketOpen(self)) {
        let c: AcceptResult | null;
        try {
          c = await acceptConnection(self);
        } catch (e) {
          if (!acc.isSocketOpen(self)) return;
          throw e;
        }
        if (c !== null) yield c;
      }
    }
  }
  return WithPassiveMethods;
}
