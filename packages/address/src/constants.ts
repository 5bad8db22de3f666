/**
 * The well-known addresses of manual §2.3.1.3 and `+max-ipv4-value+`.
 * They are immutable address objects, safe to share.
 */
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address } from './ipv6-address.js';

/**
 * Loopback IPv4 address, 127.0.0.1 (`+ipv4-loopback+`).
 *
 * @example
 * ```ts
 * IPV4_LOOPBACK.toString(); // '127.0.0.1'
 * ```
 */
export const IPV4_LOOPBACK: IPv4Address = new IPv4Address([127, 0, 0, 1]);

/**
 * Unspecified IPv4 address, 0.0.0.0 (`+ipv4-unspecified+`).
 *
 * @example
 * ```ts
 * IPV4_UNSPECIFIED.toNumber(); // 0
 * ```
 */
export const IPV4_UNSPECIFIED: IPv4Address = new IPv4Address([0, 0, 0, 0]);

/**
 * Interface-local all-nodes multicast address, ff01::1 (RFC 4291 §2.7.1).
 *
 * @example
 * ```ts
 * IPV6_INTERFACE_LOCAL_ALL_NODES.toString(); // 'ff01::1'
 * ```
 */
export const IPV6_INTERFACE_LOCAL_ALL_NODES: IPv6Address = new IPv6Address([0xff01, 0, 0, 0, 0, 0, 0, 1]);

/**
 * Interface-local all-routers multicast address, ff01::2 (RFC 4291 §2.7.1).
 *
 * @example
 * ```ts
 * IPV6_INTERFACE_LOCAL_ALL_ROUTERS.toString(); // 'ff01::2'
 * ```
 */
export const IPV6_INTERFACE_LOCAL_ALL_ROUTERS: IPv6Address = new IPv6Address([0xff01, 0, 0, 0, 0, 0, 0, 2]);

/**
 * Link-local all-nodes multicast address, ff02::1 (RFC 4291 §2.7.1).
 *
 * @example
 * ```ts
 * IPV6_LINK_LOCAL_ALL_NODES.toString(); // 'ff02::1'
 * ```
 */
export const IPV6_LINK_LOCAL_ALL_NODES: IPv6Address = new IPv6Address([0xff02, 0, 0, 0, 0, 0, 0, 1]);

/**
 * Link-local all-routers multicast address, ff02::2 (RFC 4291 §2.7.1).
 *
 * @example
 * ```ts
 * IPV6_LINK_LOCAL_ALL_ROUTERS.toString(); // 'ff02::2'
 * ```
 */
export const IPV6_LINK_LOCAL_ALL_ROUTERS: IPv6Address = new IPv6Address([0xff02, 0, 0, 0, 0, 0, 0, 2]);

/**
 * Loopback IPv6 address, ::1 (RFC 4291 §2.5.3).
 *
 * @example
 * ```ts
 * IPV6_LOOPBACK.toString(); // '::1'
 * ```
 */
export const IPV6_LOOPBACK: IPv6Address = new IPv6Address([0, 0, 0, 0, 0, 0, 0, 1]);

/**
 * Site-local all-routers multicast address, ff05::2 (RFC 4291 §2.7.1).
 *
 * @example
 * ```ts
 * IPV6_SITE_LOCAL_ALL_ROUTERS.toString(); // 'ff05::2'
 * ```
 */
export const IPV6_SITE_LOCAL_ALL_ROUTERS: IPv6Address = new IPv6Address([0xff05, 0, 0, 0, 0, 0, 0, 2]);

/**
 * Unspecified IPv6 address, :: (RFC 4291 §2.5.2).
 *
 * @example
 * ```ts
 * IPV6_UNSPECIFIED.toString(); // '::'
 * ```
 */
export const IPV6_UNSPECIFIED: IPv6Address = new IPv6Address([0, 0, 0, 0, 0, 0, 0, 0]);

/**
 * The largest IPv4 integer, 255.255.255.255 = 4294967295 (`+max-ipv4-value+`).
 *
 * @example
 * ```ts
 * integerToDotted(MAX_IPV4_VALUE); // '255.255.255.255'
 * ```
 */
export const MAX_IPV4_VALUE = 4294967295;
