/**
 * `fromNodeSocket`: an iolib socket on the kernel socket of a `net.Socket`,
 * `net.Server` or `dgram.Socket`, to reach what Node does not offer
 * (`tcpQuickack`, `ipTos`, `bindToDevice`, peer credentials, fd passing, …).
 */
import type { Socket as DgramSocket } from 'node:dgram';
import { Socket as NetSocket, type Server } from 'node:net';
import type { ActiveStreamSocket, PassiveSocket, Socket, SocketDatagramInternetActive } from '../socket/classes.js';
import { makeSocketFromFd } from '../socket/from-fd.js';
import { nodeFd, nodeKind, type NodeSocket } from './node-handle.js';

/** Options of {@link fromNodeSocket}. */
export interface FromNodeSocketOptions {
  /**
   * Keep Node's object (default true): the iolib socket works on a duplicate
   * fd, and each side closes independently. With `false` the kernel socket
   * moves to iolib: Node's object is closed (`destroy()` / `close()`) at once
   * and the iolib socket is its only handle. (Node cannot give up an fd without
   * closing it, so even then the iolib socket holds a duplicate; two owners of
   * one fd number would close it twice.)
   */
  readonly dup?: boolean;
}

const NOT_YET: Readonly<Record<NonNullable<ReturnType<typeof nodeKind>>, string>> = {
  'net.Socket': 'not connected yet, or destroyed',
  'net.Server': 'not listening',
  'dgram.Socket': 'not bound yet, or closed',
};

/**
 * An iolib socket on the same kernel socket as a Node `net.Socket` (TCP or
 * Unix, connected), `net.Server` (listening) or `dgram.Socket` (bound). Its
 * class follows the kernel socket (`makeSocketFromFd`). Both sides see the
 * same data: read on one side only (pause Node's socket, or use iolib only
 * for options).
 *
 * System calls: `fcntl(2)` `F_DUPFD_CLOEXEC`, then those of
 * `makeSocketFromFd` (`getsockopt(2)` `SO_DOMAIN`, `SO_TYPE`, `SO_ACCEPTCONN`).
 *
 * @param x - a `net.Socket`, `net.Server` or `dgram.Socket` with a kernel socket
 * @param options - `dup` (default true)
 * @returns the iolib socket
 * @throws {TypeError} for anything else, or for one with no kernel socket (not connected, listening or bound yet; closed; a `tls.TLSSocket`)
 * @throws {TypeError} for a `dup` that is not a boolean
 * @throws {SocketError} when the duplicate cannot be made (`EMFILE`)
 * @example
 * ```ts
 * const s = await fromNodeSocket(req.socket);
 * setOption(s, 'ipTos', 0x10);
 * s.close(); // Node's socket is unaffected
 * ```
 */
export async function fromNodeSocket(x: NetSocket, options?: FromNodeSocketOptions): Promise<ActiveStreamSocket>;
export async function fromNodeSocket(x: Server, options?: FromNodeSocketOptions): Promise<PassiveSocket>;
export async function fromNodeSocket(x: DgramSocket, options?: FromNodeSocketOptions): Promise<SocketDatagramInternetActive>;
export async function fromNodeSocket(x: NodeSocket, options?: FromNodeSocketOptions): Promise<Socket>;
export async function fromNodeSocket(x: NodeSocket, options: FromNodeSocketOptions = {}): Promise<Socket> {
  await Promise.resolve();
  const given: unknown = x;
  const what = nodeKind(given);
  if (what === undefined) {
    throw new TypeError(
      `fromNodeSocket: expected a net.Socket, net.Server or dgram.Socket, got ${given === null ? 'null' : typeof given === 'object' ? 'an object' : typeof given}`,
    );
  }
  const dup: unknown = options.dup ?? true;
  if (typeof dup !== 'boolean') throw new TypeError(`fromNodeSocket: dup must be a boolean, got ${typeof dup}`);
  const fd = nodeFd(x);
  if (fd === undefined) throw new TypeError(`fromNodeSocket: the ${what} has no file descriptor (${NOT_YET[what]})`);
  const socket = await makeSocketFromFd(fd, { dup: true });
  if (!dup) {
    if (x instanceof NetSocket) x.destroy();
    else x.close();
  }
  return socket;
}
