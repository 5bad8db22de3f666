/**
 * The services and protocols databases: by name, alias or number, and the
 * errors for entries that do not exist.
 */
import { lookupProtocol, lookupService, UnknownServiceError } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const http = lookupService('http');
  const byPort = lookupService(53, 'udp');
  const udp = lookupProtocol('udp');
  let missing: { name: string; datum: unknown } | null = null;
  try {
    lookupService('no-such-service');
  } catch (e) {
    if (!(e instanceof UnknownServiceError)) throw e;
    missing = { name: e.name, datum: e.datum };
  }
  return { http: http.port, port53: byPort.name, udp: udp.number, missing };
}
