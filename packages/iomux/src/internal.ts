/**
 * `@iolib/iomux/internal`: helpers shared with the packages above iomux; not
 * public API (no semver promise, not in the docs).
 *
 * @internal
 * @packageDocumentation
 */
export { SpeculativeTry } from './speculative-try.js';
