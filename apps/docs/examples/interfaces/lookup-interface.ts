/**
 * Look an interface up by name, by index and by a numeric string, and catch the
 * error for one that does not exist.
 */
import { UnknownInterfaceError, interfaceIndex, interfaceName, lookupInterface } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const byName = lookupInterface('lo');
  const byIndex = lookupInterface(interfaceIndex(byName));
  const byText = lookupInterface(String(interfaceIndex(byName)));
  let unknown: { code: string; datum: string | number } | null = null;
  try {
    lookupInterface('nosuchif0');
  } catch (error) {
    if (!(error instanceof UnknownInterfaceError)) throw error;
    unknown = { code: error.code, datum: error.datum };
  }
  return { name: interfaceName(byName), sameByIndex: interfaceName(byIndex), sameByText: interfaceName(byText), unknown };
}
