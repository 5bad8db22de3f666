/**
 * libuv's `uv_poll_t` on Node's own event loop (DESIGN.md, "I/O model").
 *
 * `koffi.load(null)` exposes the `uv_*` and `napi_*` symbols of the running node
 * binary. The loop comes from `napi_get_uv_event_loop(koffi.node.env)`, so it is
 * the loop of the current thread (worker threads included), never
 * `uv_default_loop()`.
 *
 * koffi allows at most 8192 registered callbacks, and a JS exception escaping one
 * is swallowed and wedges later callbacks. So this file registers ONE poll
 * callback and ONE close callback per thread, routes them by handle address to a
 * {@link UvPollListener}, wraps each call in `try/catch` and rethrows with
 * `process.nextTick` (it then reaches `uncaughtException` like any Node error).
 *
 * Handles are addresses (`number`; user-space addresses fit in 53 bits) of memory
 * from `koffi.alloc`. Teardown order is fixed by {@link uvPollClose}:
 * `uv_poll_stop` → `uv_close(handle, closeCb)` → `closeCb` frees the memory.
 */
import { koffi, libc } from './libc.js';
import { SyscallError, errnoName } from './errors.js';

/** `uv_poll_event`: the fd is readable. */
export const UV_READABLE = 1;
/** `uv_poll_event`: the fd is writable. */
export const UV_WRITABLE = 2;
/** `uv_poll_event`: the peer hung up (`EPOLLRDHUP`). */
export const UV_DISCONNECT = 4;
/** `uv_poll_event`: urgent data (`EPOLLPRI`). */
export const UV_PRIORITIZED = 8;
/** `uv_handle_type` of `uv_poll_t`. */
export const UV_POLL = 8;

const PollCallback = koffi.proto('void iolib_uv_poll_cb(intptr_t handle, int status, int events)');
const CloseCallback = koffi.proto('void iolib_uv_close_cb(intptr_t handle)');

const getLoop: (env: unknown, out: [bigint | null]) => number = libc.func(
  'int napi_get_uv_event_loop(void *env, _Out_ void **loop)',
);

/** `size_t uv_handle_size(uv_handle_type type)`: bytes of a handle of that type. */
export const uv_handle_size: (type: number) => number = libc.func('size_t uv_handle_size(int type)');
/** `int uv_poll_init(uv_loop_t *loop, uv_poll_t *handle, int fd)`: 0 or a negative errno (`-EEXIST` if the fd is already polled on this loop). */
export const uv_poll_init: (loop: bigint, handle: number, fd: number) => number = libc.func(
  'int uv_poll_init(void *loop, intptr_t handle, int fd)',
);
/** `int uv_poll_start(uv_poll_t *handle, int events, uv_poll_cb cb)`: 0 or a negative errno. */
export const uv_poll_start: (handle: number, events: number, cb: bigint) => number = libc.func(
  'int uv_poll_start(intptr_t handle, int events, iolib_uv_poll_cb *cb)',
);
/** `int uv_poll_stop(uv_poll_t *handle)`: stops polling at once (the fd leaves libuv's epoll set). */
export const uv_poll_stop: (handle: number) => number = libc.func('int uv_poll_stop(intptr_t handle)');
/** `void uv_close(uv_handle_t *handle, uv_close_cb cb)`: `cb` runs on a later loop iteration. */
export const uv_close: (handle: number, cb: bigint) => void = libc.func(
  'void uv_close(intptr_t handle, iolib_uv_close_cb *cb)',
);
/** `void uv_ref(uv_handle_t *handle)`: an active handle keeps the loop alive. */
export const uv_ref: (handle: number) => void = libc.func('void uv_ref(intptr_t handle)');
/** `void uv_unref(uv_handle_t *handle)`: an active handle does not keep the loop alive. */
export const uv_unref: (handle: number) => void = libc.func('void uv_unref(intptr_t handle)');
/** `int uv_has_ref(const uv_handle_t *handle)`: non-zero when referenced. */
export const uv_has_ref: (handle: number) => number = libc.func('int uv_has_ref(intptr_t handle)');
/** `int uv_is_active(const uv_handle_t *handle)`: non-zero while polling. */
export const uv_is_active: (handle: number) => number = libc.func('int uv_is_active(intptr_t handle)');

let loop: bigint | undefined;

/**
 * The libuv loop of the calling thread, from `napi_get_uv_event_loop(koffi.node.env)`.
 * Each thread loads its own copy of this module, so the cached value is per thread.
 *
 * @returns the `uv_loop_t *` address
 * @throws {SyscallError} if N-API refuses (status in `detail`)
 * @example
 * ```ts
 * uv_poll_init(uvLoop(), handle, fd);
 * ```
 */
export function uvLoop(): bigint {
  if (loop !== undefined) return loop;
  const out: [bigint | null] = [null];
  const status = getLoop(koffi.node.env, out);
  if (status !== 0 || out[0] === null) {
    throw new SyscallError('napi_get_uv_event_loop', 22, { detail: `napi_status ${status}` });
  }
  loop = out[0];
  return loop;
}

/** What the shared callbacks call for one poll handle. */
export interface UvPollListener {
  /** Called from the loop: `status` is 0 or a negative errno (libuv reports `POLLERR` as `-EBADF`). */
  onPoll(status: number, events: number): void;
  /** Called from the loop once the handle is closed, just before its memory is freed. */
  onClose?(): void;
}

const listeners = new Map<number, UvPollListener>();

function rethrowLater(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

function onPoll(handle: number, status: number, events: number): void {
  try {
    listeners.get(handle)?.onPoll(status, events);
  } catch (error) {
    rethrowLater(error);
  }
}

function onClose(handle: number): void {
  try {
    const listener = listeners.get(handle);
    listeners.delete(handle);
    listener?.onClose?.();
  } catch (error) {
    rethrowLater(error);
  } finally {
    koffi.free(handle);
  }
}

let pollCb: bigint | undefined;
let closeCb: bigint | undefined;

/**
 * The thread's one registered `uv_poll_cb` (registered on first use; never
 * unregistered, since a handle may still be active while the thread exits).
 *
 * @returns the C function pointer
 * @example
 * ```ts
 * uv_poll_start(handle, UV_READABLE, uvPollCallback());
 * ```
 */
export function uvPollCallback(): bigint {
  pollCb ??= koffi.register(onPoll, koffi.pointer(PollCallback));
  return pollCb;
}

/**
 * The thread's one registered `uv_close_cb`: routes to the listener's `onClose`,
 * then frees the handle's memory.
 *
 * @returns the C function pointer
 * @example
 * ```ts
 * uv_close(handle, uvCloseCallback());
 * ```
 */
export function uvCloseCallback(): bigint {
  closeCb ??= koffi.register(onClose, koffi.pointer(CloseCallback));
  return closeCb;
}

let pollHandleSize = 0;

/**
 * Allocate a `uv_poll_t` (`koffi.alloc`, size from `uv_handle_size`), `uv_poll_init`
 * it on this thread's loop for `fd`, and route the shared callbacks to `listener`.
 * Does not start polling: call {@link uvPollStart}.
 *
 * @param fd - the descriptor to watch (libuv makes it non-blocking)
 * @param listener - receives poll results and the close notification
 * @returns the handle's address
 * @throws {SyscallError} `uv_poll_init` failure: `EBADF` (not an fd), `EPERM`
 *   (a regular file), `EEXIST` (this loop already polls the fd)
 * @example
 * ```ts
 * const h = uvPollOpen(fd, { onPoll: (status, events) => console.log(status, events) });
 * uvPollStart(h, UV_READABLE);
 * ```
 */
export function uvPollOpen(fd: number, listener: UvPollListener): number {
  if (pollHandleSize === 0) pollHandleSize = uv_handle_size(UV_POLL);
  const handle = Number(koffi.alloc('uint8_t', pollHandleSize) as bigint);
  const rc = uv_poll_init(uvLoop(), handle, fd);
  if (rc < 0) {
    koffi.free(handle);
    throw new SyscallError('uv_poll_init', -rc, { detail: `fd ${fd}` });
  }
  listeners.set(handle, listener);
  return handle;
}

/**
 * `uv_poll_start` with the shared callback (also changes the interest of an active poll).
 *
 * @param handle - from {@link uvPollOpen}
 * @param events - `UV_READABLE | UV_WRITABLE | …`, non-zero
 * @throws {SyscallError} when libuv refuses
 * @example
 * ```ts
 * uvPollStart(h, UV_READABLE | UV_WRITABLE);
 * ```
 */
export function uvPollStart(handle: number, events: number): void {
  const rc = uv_poll_start(handle, events, uvPollCallback());
  if (rc < 0) throw new SyscallError('uv_poll_start', -rc, { detail: errnoName(-rc) });
}

/**
 * Tear a poll handle down in the only safe order: `uv_poll_stop` (at once; the fd
 * may be closed right after) → `uv_close` → the shared close callback calls the
 * listener's `onClose` and frees the memory on a later loop iteration.
 *
 * @param handle - from {@link uvPollOpen}; must not be used afterwards
 * @example
 * ```ts
 * uvPollClose(h); close(fd);
 * ```
 */
export function uvPollClose(handle: number): void {
  uv_poll_stop(handle);
  uv_close(handle, uvCloseCallback());
}

/** Number of poll handles of this thread not yet freed (for leak checks in tests). */
export function uvPollHandleCount(): number {
  return listeners.size;
}
