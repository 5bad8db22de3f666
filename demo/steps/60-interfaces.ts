/**
 * Demo step 60: the network interfaces of this machine, with what
 * `os.networkInterfaces()` leaves out (index, flags, MTU, link type, interfaces
 * without addresses), then lookups by name and index and an unknown interface.
 */
import {
  UnknownInterfaceError,
  interfaceFlagNames,
  listNetworkInterfaceDetails,
  listNetworkInterfaces,
  lookupInterface,
} from '@iolib/interfaces';

export const title = 'Network interfaces';

export default async function step(say: (line: string) => void): Promise<void> {
  const list = listNetworkInterfaces();
  say(`listNetworkInterfaces(): ${list.map((i) => `${i.name}#${i.index}`).join(', ')}`);
  say('');
  const rows = listNetworkInterfaceDetails().map((d) => [
    String(d.index),
    d.name,
    interfaceFlagNames(d.flagBits).join(','),
    String(d.mtu),
    d.linkType,
    d.hardwareAddress ?? '-',
    d.addresses.length === 0
      ? '(no address)'
      : d.addresses
          .map(
            (a) =>
              `${a.address.toString()}/${a.prefixLength}${a.broadcast === null ? '' : ` brd ${a.broadcast.toString()}`}${a.peer === null ? '' : ` peer ${a.peer.toString()}`}`,
          )
          .join('  '),
  ]);
  const header = ['#', 'name', 'flags', 'mtu', 'link', 'hardware', 'addresses'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  say(line(header));
  for (const row of rows) say(line(row));
  say('');
  const lo = lookupInterface('lo');
  say(
    `lookupInterface('lo') → { name: '${lo.name}', index: ${lo.index} }; lookupInterface(${lo.index}) and lookupInterface('${lo.index}') agree: ${lookupInterface(lo.index).name === 'lo' && lookupInterface(String(lo.index)).name === 'lo'}`,
  );
  try {
    lookupInterface('nosuchif0');
    throw new Error('lookupInterface found an interface that does not exist');
  } catch (error) {
    if (!(error instanceof UnknownInterfaceError)) throw error;
    say(`lookupInterface('nosuchif0') → ${error.name}: code ${error.code}, datum ${JSON.stringify(error.datum)}`);
  }
}
