/**
 * List the network interfaces with the details `os.networkInterfaces()` lacks:
 * index, flags, MTU, hardware address, and interfaces that have no address.
 */
import { listNetworkInterfaceDetails } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const table = listNetworkInterfaceDetails().map((i) => ({
    index: i.index,
    name: i.name,
    up: i.flags.up,
    loopback: i.flags.loopback,
    mtu: i.mtu,
    mac: i.hardwareAddress,
    addresses: i.addresses.map((a) => `${a.address.toString()}/${a.prefixLength}`),
  }));
  console.table(table);
  return table;
}
