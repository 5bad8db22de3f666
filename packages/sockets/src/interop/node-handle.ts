/**
 * The one place that reads Node internals: the fd under a `net.Socket`,
 * `net.Server` or `dgram.Socket`. Node 20 has no public getter for it, so this
 * reads the libuv handle wrap's `fd` (`_handle.fd` on net objects; on dgram
 * sockets the handle in the `state symbol` slot, as `_handle` is deprecated
 * there, DEP0112). test/interop/node-handle.test.ts fails loudly if Node
 * changes either.
 */
import { Socket as DgramSocket } from 'node:dgram';
import { Server, Socket as NetSocket } from 'node:net';

/** What `fromNodeSocket` takes. */
export type NodeSocket = NetSocket | Server | DgramSocket;

/** The name of `x`'s Node class for messages, or `undefined` when it is none of the three. */
export function nodeKind(x: unknown): 'net.Socket' | 'net.Server' | 'dgram.Socket' | undefined {
  if (x instanceof NetSocket) return 'net.Socket';
  if (x instanceof Server) return 'net.Server';
  if (x instanceof DgramSocket) return 'dgram.Socket';
  return undefined;
}

/** `x`'s libuv handle wrap, or `undefined` when it has none (not connected, bound or listening yet; closed). */
function handleOf(x: NodeSocket): { fd?: unknown } | null | undefined {
  if (x instanceof DgramSocket) {
    const state = Object.getOwnPropertySymbols(x).find((k) => k.description === 'state symbol');
    return state === undefined
      ? undefined
      : (x as unknown as Record<symbol, { handle?: { fd?: unknown } | null } | undefined>)[state]?.handle;
  }
  return (x as unknown as { _handle?: { fd?: unknown } | null })._handle;
}

/**
 * The fd of `x`'s kernel socket, read from Node's internals (see the file
 * comment), or `undefined` when it has none.
 *
 * @param x - a `net.Socket`, `net.Server` or `dgram.Socket`
 * @returns the fd, or `undefined`
 * @example
 * ```ts
 * nodeFd(net.connect(80, 'example.org')); // undefined until 'connect'
 * ```
 */
export function nodeFd(x: NodeSocket): number | undefined {
  const fd = handleOf(x)?.fd;
  return typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 ? fd : undefined;
}
