/**
 * The `IFF_*` bits of an interface (netdevice(7)) as named booleans, and the
 * hardware type numbers (`ARPHRD_*`) as the names iproute2 prints.
 */
import {
  IFF_ALLMULTI,
  IFF_AUTOMEDIA,
  IFF_BROADCAST,
  IFF_DEBUG,
  IFF_DORMANT,
  IFF_DYNAMIC,
  IFF_ECHO,
  IFF_LOOPBACK,
  IFF_LOWER_UP,
  IFF_MASTER,
  IFF_MULTICAST,
  IFF_NOARP,
  IFF_NOTRAILERS,
  IFF_POINTOPOINT,
  IFF_PORTSEL,
  IFF_PROMISC,
  IFF_RUNNING,
  IFF_SLAVE,
  IFF_UP,
} from '@iolib/syscalls';
import { show } from './errors.js';

/** An interface's flags, one boolean per `IFF_*` bit. */
export interface InterfaceFlags {
  /** `IFF_UP`: administratively up (`ip link set X up`). */
  readonly up: boolean;
  /** `IFF_BROADCAST`: has a broadcast address. */
  readonly broadcast: boolean;
  /** `IFF_DEBUG`. */
  readonly debug: boolean;
  /** `IFF_LOOPBACK`: a loopback interface. */
  readonly loopback: boolean;
  /** `IFF_POINTOPOINT`: a point-to-point link (tunnels, PPP); addresses may have a peer. */
  readonly pointToPoint: boolean;
  /** `IFF_NOTRAILERS`. */
  readonly noTrailers: boolean;
  /** `IFF_RUNNING`: operationally up (RFC 2863 "up": carrier present and not dormant). */
  readonly running: boolean;
  /** `IFF_NOARP`: no ARP / neighbour discovery resolution. */
  readonly noArp: boolean;
  /** `IFF_PROMISC`: promiscuous mode. */
  readonly promiscuous: boolean;
  /** `IFF_ALLMULTI`: receives all multicast packets. */
  readonly allMulticast: boolean;
  /** `IFF_MASTER`: master of a bond. */
  readonly master: boolean;
  /** `IFF_SLAVE`: member of a bond. */
  readonly slave: boolean;
  /** `IFF_MULTICAST`: supports multicast. */
  readonly multicast: boolean;
  /** `IFF_PORTSEL`. */
  readonly portSelect: boolean;
  /** `IFF_AUTOMEDIA`. */
  readonly autoMedia: boolean;
  /** `IFF_DYNAMIC`: addresses are lost when the interface goes down. */
  readonly dynamic: boolean;
  /** `IFF_LOWER_UP`: the driver reports carrier (layer 1 up). */
  readonly lowerUp: boolean;
  /** `IFF_DORMANT`: the driver reports dormant. */
  readonly dormant: boolean;
  /** `IFF_ECHO`: echoes sent packets. */
  readonly echo: boolean;
}

/** Checks an unsigned integer argument of at most `max`: a `TypeError` or `RangeError` naming `fn` and `argument` otherwise. */
function checkUnsigned(value: unknown, max: number, fn: string, argument: string): number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${argument} must be a number, got ${show(value)}`);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${fn}: ${argument} must be an integer from 0 to ${max}, got ${show(value)}`);
  }
  return value;
}

/** Each flag: its property, its bit, and its name as in `<net/if.h>` without `IFF_`. */
const FLAGS: ReadonlyArray<readonly [keyof InterfaceFlags, number, string]> = [
  ['up', IFF_UP, 'UP'],
  ['broadcast', IFF_BROADCAST, 'BROADCAST'],
  ['debug', IFF_DEBUG, 'DEBUG'],
  ['loopback', IFF_LOOPBACK, 'LOOPBACK'],
  ['pointToPoint', IFF_POINTOPOINT, 'POINTOPOINT'],
  ['noTrailers', IFF_NOTRAILERS, 'NOTRAILERS'],
  ['running', IFF_RUNNING, 'RUNNING'],
  ['noArp', IFF_NOARP, 'NOARP'],
  ['promiscuous', IFF_PROMISC, 'PROMISC'],
  ['allMulticast', IFF_ALLMULTI, 'ALLMULTI'],
  ['master', IFF_MASTER, 'MASTER'],
  ['slave', IFF_SLAVE, 'SLAVE'],
  ['multicast', IFF_MULTICAST, 'MULTICAST'],
  ['portSelect', IFF_PORTSEL, 'PORTSEL'],
  ['autoMedia', IFF_AUTOMEDIA, 'AUTOMEDIA'],
  ['dynamic', IFF_DYNAMIC, 'DYNAMIC'],
  ['lowerUp', IFF_LOWER_UP, 'LOWER_UP'],
  ['dormant', IFF_DORMANT, 'DORMANT'],
  ['echo', IFF_ECHO, 'ECHO'],
];

/**
 * Split `IFF_*` bits into named booleans. Pure; no system call.
 *
 * @param bits - the flags word (`ifa_flags`, `ifi_flags`), an integer from 0 to 2³² − 1
 * @returns a frozen {@link InterfaceFlags}
 * @throws {TypeError} when `bits` is not a number; {@link RangeError} when it is not such an integer
 * @example
 * ```ts
 * decodeInterfaceFlags(0x10049).loopback; // true (LOOPBACK | UP | RUNNING | LOWER_UP)
 * ```
 */
export function decodeInterfaceFlags(bits: number): InterfaceFlags {
  checkUnsigned(bits, 0xffffffff, 'decodeInterfaceFlags', 'bits');
  const flags: Partial<Record<keyof InterfaceFlags, boolean>> = {};
  for (const [key, bit] of FLAGS) flags[key] = (bits & bit) !== 0;
  return Object.freeze(flags as InterfaceFlags);
}

/**
 * The names of the set `IFF_*` bits, in bit order, as `<net/if.h>` spells them
 * without the `IFF_` prefix. Pure; no system call.
 *
 * @param bits - the flags word, an integer from 0 to 2³² − 1
 * @returns for example `['UP', 'LOOPBACK', 'RUNNING', 'LOWER_UP']`
 * @throws {TypeError} when `bits` is not a number; {@link RangeError} when it is not such an integer
 * @example
 * ```ts
 * interfaceFlagNames(0x1043); // ['UP', 'BROADCAST', 'RUNNING', 'MULTICAST']
 * ```
 */
export function interfaceFlagNames(bits: number): string[] {
  checkUnsigned(bits, 0xffffffff, 'interfaceFlagNames', 'bits');
  return FLAGS.filter(([, bit]) => (bits & bit) !== 0).map(([, , name]) => name);
}

/** `ARPHRD_*` numbers → iproute2's `link_type` names (`lib/ll_types.c`). */
const LINK_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'netrom'],
  [1, 'ether'],
  [2, 'eether'],
  [3, 'ax25'],
  [4, 'pronet'],
  [5, 'chaos'],
  [6, 'ieee802'],
  [7, 'arcnet'],
  [8, 'atalk'],
  [15, 'dlci'],
  [19, 'atm'],
  [23, 'metricom'],
  [24, 'ieee1394'],
  [32, 'infiniband'],
  [256, 'slip'],
  [257, 'cslip'],
  [258, 'slip6'],
  [259, 'cslip6'],
  [260, 'rsrvd'],
  [264, 'adapt'],
  [270, 'rose'],
  [271, 'x25'],
  [272, 'hwx25'],
  [280, 'can'],
  [512, 'ppp'],
  [513, 'hdlc'],
  [516, 'lapb'],
  [517, 'ddcmp'],
  [518, 'rawhdlc'],
  [519, 'rawip'],
  [768, 'ipip'],
  [769, 'tunnel6'],
  [770, 'frad'],
  [771, 'skip'],
  [772, 'loopback'],
  [773, 'ltalk'],
  [774, 'fddi'],
  [775, 'bif'],
  [776, 'sit'],
  [777, 'ip/ddp'],
  [778, 'gre'],
  [779, 'pimreg'],
  [780, 'hippi'],
  [781, 'ash'],
  [782, 'econet'],
  [783, 'irda'],
  [784, 'fcpp'],
  [785, 'fcal'],
  [786, 'fcpl'],
  [787, 'fcfb0'],
  [800, 'tr'],
  [801, 'ieee802.11'],
  [802, 'ieee802.11/prism'],
  [803, 'ieee802.11/radiotap'],
  [804, 'ieee802.15.4'],
  [805, 'ieee802.15.4/monitor'],
  [820, 'phonet'],
  [821, 'phonet_pipe'],
  [822, 'caif'],
  [823, 'gre6'],
  [824, 'netlink'],
  [825, '6lowpan'],
  [0xfffe, 'none'],
  [0xffff, 'void'],
]);

/**
 * The name iproute2 prints as `link/<type>` / `link_type` for an `ARPHRD_*`
 * hardware type, or `[N]` (as iproute2 prints it) for a number it does not name.
 * Pure; no system call.
 *
 * @param hardwareType - an `ARPHRD_*` number (`sll_hatype`, 0 to 65535)
 * @throws {TypeError} when `hardwareType` is not a number; {@link RangeError} when it is not an integer from 0 to 65535
 * @returns for example `'ether'` for 1, `'loopback'` for 772, `'none'` for 65534
 * @example
 * ```ts
 * linkTypeName(1); // 'ether'
 * ```
 */
export function linkTypeName(hardwareType: number): string {
  checkUnsigned(hardwareType, 0xffff, 'linkTypeName', 'hardwareType');
  return LINK_TYPES.get(hardwareType) ?? `[${hardwareType}]`;
}
