/**
 * What the datagram bench's contenders share: the loopback host and the
 * 'message' ping-pong loop (the message size is ../ping-size.ts).
 */

/** Every contender talks over loopback. */
export const HOST = '127.0.0.1';

/** Resolve after `ops` 'message' events on `on`, sending the next ping from each one. */
export function pingPong(ops: number, on: (f: () => void) => () => void, ping: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let left = ops;
    const off = on(() => {
      if (--left === 0) {
        off();
        resolve();
      } else ping();
    });
    ping();
  });
}
