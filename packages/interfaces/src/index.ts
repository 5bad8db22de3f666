/**
 * @iolib/interfaces: network interfaces (IOLib manual §2.7) — names and indexes
 * (`listNetworkInterfaces`, `lookupInterface`, `makeInterface`, `interfaceName`,
 * `interfaceIndex`, `UnknownInterfaceError`), and the details Node's
 * `os.networkInterfaces()` leaves out (`listNetworkInterfaceDetails`,
 * `interfaceDetails`): index, flags, MTU, hardware type and address, every
 * address as an `@iolib/address` value with prefix, broadcast or peer, and
 * interfaces without addresses.
 *
 * @packageDocumentation
 */
export { UnknownInterfaceError, InvalidInterfaceError } from './errors.js';
export {
  type Interface,
  MAX_INTERFACE_INDEX,
  MAX_INTERFACE_NAME_BYTES,
  makeInterface,
  interfaceName,
  interfaceIndex,
  listNetworkInterfaces,
  lookupInterface,
} from './interface.js';
export { type InterfaceFlags, decodeInterfaceFlags, interfaceFlagNames, linkTypeName } from './flags.js';
export {
  type InterfaceAddress,
  type InterfaceDetails,
  type InterfaceStatistics,
  listNetworkInterfaceDetails,
  interfaceDetails,
} from './details.js';
