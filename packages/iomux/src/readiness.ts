/**
 * Readiness, in one internal vocabulary: the bit set {@link READABLE} |
 * {@link WRITABLE} (libuv's values), which `FdWatcher` takes as its interest.
 * The manual's words are the public face of it and map here: `'read'` /
 * `'write'` for event-base handlers, `'input'` / `'output'` / `'io'` for
 * `waitUntilFdReady`. epoll and poll(2) flags are translated at the system call.
 */

/** Interest / readiness bit: the fd is readable (libuv's `UV_READABLE`). */
export const READABLE = 1;
/** Interest / readiness bit: the fd is writable (libuv's `UV_WRITABLE`). */
export const WRITABLE = 2;
/** @internal readiness bit of the event base: an error condition (`EPOLLERR`) is pending. */
export const ERROR_PENDING = 4;

/** Which direction an event-base handler serves (IOLib's `:read` / `:write`). */
export type IoEventType = 'read' | 'write';
/** What `waitUntilFdReady` waits for (IOLib's `:input` / `:output` / `:io`). */
export type FdEventType = 'input' | 'output' | 'io';

/** @internal the readiness bit of a handler direction */
export const HANDLER_READINESS: Readonly<Record<IoEventType, number>> = { read: READABLE, write: WRITABLE };
/** @internal the readiness bits an event type waits for */
export const WAIT_READINESS: Readonly<Record<FdEventType, number>> = { input: READABLE, output: WRITABLE, io: READABLE | WRITABLE };
