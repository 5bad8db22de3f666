/**
 * `@iolib/iomux/internal`: helpers shared with the packages above iomux; not
 * public API (no semver promise, not in the docs).
 *
 * @internal
 * @packageDocumentation
 */
export { SpeculativeTry } from './speculative-try.js';
/** For `@iolib/dns`'s resolver: its UDP exchanges share one epoll set. */
export { EpollMux } from './epoll-mux.js';
