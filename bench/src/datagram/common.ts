/**
 * What the datagram bench's contenders share: the loopback host and the
 * 'message' ping-pong loop (the message size is ../ping-size.ts).
 */

/** Every contender talks over loopback. */
export const HOST = '127.0.0.1';

/** What emits the replies: an iolib socket, a `dgram` socket or a `unix-dgram` socket. */
export interface MessageEmitter {
  on(event: 'message', listener: () => void): unknown;
  removeListener(event: 'message', listener: () => void): unknown;
}

/** Resolve after `ops` 'message' events on `socket`, sending the next ping from each one. */
export function pingPong(ops: number, socket: MessageEmitter, ping: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let left = ops;
    const onMessage = (): void => {
      if (--left === 0) {
        socket.removeListener('message', onMessage);
        resolve();
      } else ping();
    };
    socket.on('message', onMessage);
    ping();
  });
}
