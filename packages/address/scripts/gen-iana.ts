/// <reference types="node" />
/**
 * Regenerates src/iana-tables.ts from the IANA registries' CSV files in data/
 * (`pnpm --filter @iolib/address gen:iana`). To update: download the three
 * files named in data/README.md over the ones there, run this, review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { renderTables, type IanaCsv } from './iana-csv.js';

const root = new URL('../', import.meta.url);
const read = (name: string): string => readFileSync(new URL(`data/${name}`, root), 'utf8');

/** The committed CSV files. */
export function readIanaCsv(): IanaCsv {
  return {
    ipv4Special: read('iana-ipv4-special-registry-1.csv'),
    ipv6Special: read('iana-ipv6-special-registry-1.csv'),
    ipv6AddressSpace: read('ipv6-address-space-1.csv'),
  };
}

/** Where the generated tables live. */
export const TABLES_FILE = new URL('src/iana-tables.ts', root);

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(TABLES_FILE, renderTables(readIanaCsv()));
  console.log(`wrote ${TABLES_FILE.pathname}`);
}
