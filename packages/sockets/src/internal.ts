/**
 * `@iolib/sockets/internal`: what the packages above sockets need that is not
 * public API (no semver promise, not in the docs).
 *
 * @packageDocumentation
 */
export { socketFromFd } from './socket/from-fd.js';
