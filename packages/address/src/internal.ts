/**
 * `@iolib/address/internal`: helpers shared by the iolib packages, not public
 * API (no semver promise, not in the docs). Address is the lowest package, so
 * what every package needs and needs no libc lives here.
 *
 * @internal
 * @packageDocumentation
 */
export { brandCheck, brandClass, brandSymbol, hasBrand } from './brand.js';
export { show } from './errors.js';
