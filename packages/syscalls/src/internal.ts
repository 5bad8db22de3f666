/**
 * `@iolib/syscalls/internal`: helpers shared by the iolib packages above this
 * one, and the raw koffi handle; not public API (no semver promise, not in the
 * docs).
 *
 * @packageDocumentation
 */
export { libc } from './libc.js';
export { addressOf, recvmsgAt } from './at.js';
export * from './uv.js';
export { STRUCT_TYPES, MSGHDR } from './structs.js';
export { checkFd, checkSeconds } from './arguments.js';
export { rethrowLater } from './rethrow.js';
export { AbortError, abortReason, checkSignal } from './abort.js';
