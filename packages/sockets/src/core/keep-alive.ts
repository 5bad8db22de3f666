/**
 * What keeps the process alive for sockets that wait for nothing in
 * particular (a listening socket nobody accepts on yet), like Node's handles:
 * one shared, referenced interval timer that exists while at least one such
 * socket is open and referenced. Sockets that wait (a receive, `'message'`
 * listeners, a flowing stream) keep the process alive through their poll.
 */

/** Long enough never to fire in practice; firing costs nothing anyway. */
const FOREVER_MS = 0x7fffffff;

let holders = 0;
let timer: NodeJS.Timeout | undefined;

function noop(): void {}

/**
 * One more socket keeps the process alive.
 *
 * @example
 * ```ts
 * hold(); // … release();
 * ```
 */
export function hold(): void {
  if (holders++ === 0) timer = setInterval(noop, FOREVER_MS);
}

/**
 * One socket stops keeping the process alive (each {@link hold} is released once).
 *
 * @example
 * ```ts
 * release();
 * ```
 */
export function release(): void {
  if (--holders === 0 && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}
