/**
 * Connected iolib socket pairs on loopback for the ping-pong benches: one
 * setup shared by the API contenders and the raw-syscall floor.
 */
import {
  acceptConnection,
  localPort,
  makeSocket,
  type ActiveStreamSocket,
  type PassiveSocket,
  type SocketDatagramInternetActive,
} from '@iolib/sockets';

/** A connected stream pair and its listener (close all three). */
export interface StreamPair {
  readonly listener: PassiveSocket;
  readonly client: ActiveStreamSocket;
  readonly server: ActiveStreamSocket;
}

/**
 * TCP on 127.0.0.1 with TCP_NODELAY on both ends (as net's `noDelay: true`: the
 * accepted socket inherits it from the listener, Linux copies it on accept), or
 * a Unix stream socket at `path`.
 *
 * @param kind - `'tcp'` or `'unix'`
 * @param path - for `'unix'`: the socket path
 * @returns the listener and both connected ends
 */
export async function streamPair(kind: 'tcp' | 'unix', path = ''): Promise<StreamPair> {
  const listener =
    kind === 'tcp'
      ? await makeSocket({ connect: 'passive', localHost: '127.0.0.1', nodelay: true })
      : await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
  const client =
    kind === 'tcp'
      ? makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(listener), nodelay: true })
      : makeSocket({ addressFamily: 'local', remoteFilename: path });
  const accepted = await acceptConnection(listener);
  return { listener, client: await client, server: accepted!.socket };
}

/**
 * Two UDP sockets on 127.0.0.1, each connected to the other.
 *
 * @returns `[client, server]`
 */
export async function udpPair(): Promise<[SocketDatagramInternetActive, SocketDatagramInternetActive]> {
  const server = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
  const client = await makeSocket({ type: 'datagram', localHost: '127.0.0.1', remoteHost: '127.0.0.1', remotePort: localPort(server) });
  await server.connect('127.0.0.1', { port: localPort(client) });
  return [client, server];
}
