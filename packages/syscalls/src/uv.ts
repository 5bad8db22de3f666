/**
 * libuv's `uv_poll_t` on Node's own event loop (docs/architecture.md, "I/O model").
 *
 * `koffi.load(null)` exposes the `uv_*` and `napi_*` symbols of the running node
 * binary. The loop comes from `napi_get_uv_event_loop(koffi.node.env)`, so it is
 * the loop of the current thread (worker threads included), never
 * `uv_default_loop()`.
 *
 * koffi allows at most 8192 registered callbacks, and a JS exception escaping one
 * is swallowed and wedges later callbacks. So this file registers ONE poll
 * callback per thread, routes it by handle address to a {@link UvPollListener},
 * wraps each call in `try/catch` and rethrows with `process.nextTick` (it then
 * reaches `uncaughtException` like any Node error).
 *
 * Handles are addresses (`number`; user-space addresses fit in 53 bits) of memory
 * from `koffi.alloc`. Teardown order is fixed by {@link uvPollClose}:
 * `uv_poll_stop` → `uv_close(handle, free)` → libc's `free` releases the memory
 * from the close callback. The close callback is C, not JavaScript, so it also runs
 * while a worker thread is being torn down.
 */
import { koffi, libc } from './libc.js';
import { SyscallError } from './errors.js';
import { rethrowLater } from './rethrow.js';

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

/** `napi_status napi_get_uv_event_loop(napi_env env, uv_loop_t **loop)`: pass `koffi.node.env`; 0 is `napi_ok`. */
export const napi_get_uv_event_loop: (env: unknown, out: [bigint | null]) => number = libc.func(
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
export const uv_close: (handle: number, cb: bigint) => void = libc.func('void uv_close(intptr_t handle, void *cb)');
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
  const status = napi_get_uv_event_loop(koffi.node.env, out);
  if (status !== 0 || out[0] === null) {
    throw new SyscallError('napi_get_uv_event_loop', 22, { detail: `napi_status ${status}` });
  }
  loop = out[0];
  return loop;
}

/** What the shared poll callback calls for one poll handle. */
export interface UvPollListener {
  /** Called from the loop: `status` is 0 or a negative errno (libuv reports `POLLERR` as `-EBADF` and stops the poll). */
  onPoll(status: number, events: number): void;
}

const listeners = new Map<number, UvPollListener>();

function onPoll(handle: number, status: number, events: number): void {
  try {
    listeners.get(handle)?.onPoll(status, events);
  } catch (error) {
    rethrowLater(error);
  }
}

let pollCb: bigint | undefined;

/**
 * The thread's one registered `uv_poll_cb` (registered on first use, never
 * unregistered: a handle may stay active until the thread exits). It routes by
 * handle address to the {@link UvPollListener} given to {@link uvPollOpen}, and
 * rethrows a listener's exception with `process.nextTick`.
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
 * The `uv_close_cb` used for every poll handle: libc's own `free`, the
 * deallocator of `koffi.alloc` (calloc). Being C, it also runs while a worker
 * thread is torn down and JavaScript can no longer be called.
 */
const closeCb: bigint = libc.symbol('free') as bigint;
const pollStopFn: bigint = libc.symbol('uv_poll_stop') as bigint;

const addCleanupHook: (env: unknown, fun: bigint, arg: number) => number = libc.func(
  'int napi_add_env_cleanup_hook(void *env, void *fun, intptr_t arg)',
);
const removeCleanupHook: (env: unknown, fun: bigint, arg: number) => number = libc.func(
  'int napi_remove_env_cleanup_hook(void *env, void *fun, intptr_t arg)',
);

// uv_handle_t on 64-bit Unix: data@0, loop@8, type@16, close_cb@24, handle_queue@32,
// u@48, next_closing@80, flags@88. UV_HANDLE_REF and UV_HANDLE_INTERNAL are libuv's.
const LOOP_OFFSET = 8;
const TYPE_OFFSET = 16;
const FLAGS_OFFSET = 88;
const UV_HANDLE_REF = 0x8;
const UV_HANDLE_INTERNAL = 0x10;
const IS_64_BIT = process.arch === 'x64' || process.arch === 'arm64';
let layoutChecked: boolean | undefined;

/**
 * Make a freshly initialised handle survive the teardown of its thread's loop.
 * A worker thread that ends (or is terminated) with a poll handle still open would
 * abort the process in `uv_loop_close` ("while having open handles"), and a poll
 * callback fired during teardown would enter a dead JS context. So (1) an env
 * cleanup hook runs the C function `uv_poll_stop(handle)` at teardown, and (2)
 * the handle is flagged `UV_HANDLE_INTERNAL`, which `uv_loop_close` ignores (its
 * 160 bytes are then left to the process). The flag is set only if the handle's
 * layout is verified (loop, type and flags where libuv 1.x puts them).
 */
function survivesTeardown(handle: number): void {
  if (layoutChecked === undefined) {
    const loopAt = BigInt(koffi.decode(handle, LOOP_OFFSET, 'uint64') as number | bigint);
    const typeAt = koffi.decode(handle, TYPE_OFFSET, 'int') as number;
    const flagsAt = koffi.decode(handle, FLAGS_OFFSET, 'uint32') as number;
    layoutChecked = IS_64_BIT && loopAt === uvLoop() && typeAt === UV_POLL && flagsAt === UV_HANDLE_REF;
  }
  if (layoutChecked) {
    const flags = koffi.decode(handle, FLAGS_OFFSET, 'uint32') as number;
    koffi.encode(handle, FLAGS_OFFSET, 'uint32', flags | UV_HANDLE_INTERNAL);
  }
  addCleanupHook(koffi.node.env, pollStopFn, handle);
}

let pollHandleSize = 0;

/**
 * Allocate a `uv_poll_t` (`koffi.alloc`, size from `uv_handle_size`), `uv_poll_init`
 * it on this thread's loop for `fd`, and route the shared poll callback to
 * `listener`. Does not start polling: call {@link uvPollStart}. The handle is
 * made safe for thread teardown (an env cleanup hook stops it; see the source).
 *
 * @param fd - the descriptor to watch (libuv makes it non-blocking)
 * @param listener - receives poll results
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
  survivesTeardown(handle);
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
  if (rc < 0) throw new SyscallError('uv_poll_start', -rc);
}

/**
 * Tear a poll handle down in the only safe order: `uv_poll_stop` (at once; the fd
 * may be closed right after) → `uv_close(handle, free)`, so the memory is freed by
 * the close callback on a later loop iteration, never while the handle is active.
 * No callback reaches the listener after this call.
 *
 * @param handle - from {@link uvPollOpen}; must not be used afterwards
 * @example
 * ```ts
 * uvPollClose(h); close(fd);
 * ```
 */
export function uvPollClose(handle: number): void {
  listeners.delete(handle);
  removeCleanupHook(koffi.node.env, pollStopFn, handle);
  uv_poll_stop(handle);
  uv_close(handle, closeCb);
}

/**
 * Whether poll handles of this thread are flagged to survive loop teardown (the
 * handle layout matched libuv 1.x); `undefined` before the first handle.
 *
 * @returns the verdict of the layout check
 * @example
 * ```ts
 * if (uvPollTeardownSafe() === false) console.warn('close watchers before a worker exits');
 * ```
 */
export function uvPollTeardownSafe(): boolean | undefined {
  return layoutChecked;
}

/**
 * Number of poll handles of this thread opened and not yet closed (for leak checks).
 *
 * @returns the count
 * @example
 * ```ts
 * expect(uvPollHandleCount()).toBe(0);
 * ```
 */
export function uvPollHandleCount(): number {
  return listeners.size;
}
