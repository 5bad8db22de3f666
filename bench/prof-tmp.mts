import { startNsd } from '/work/main/packages/dns/test/nsd.ts';
import { lookupHostname, dnsQuery } from '@iolib/dns';
import { writeFileSync } from 'node:fs';
const nsd = await startNsd(15398);
writeFileSync('/tmp/prof-hosts', '');
const o = { nameservers: nsd.server, hostsFile: '/tmp/prof-hosts', resolvConf: '/tmp/prof-resolv', cache: false, timeout: 2 } as const;
const mode = process.argv[2] ?? 'lookup';
async function pool(ops: number, c: number, f: () => Promise<unknown>) { let s = 0; await Promise.all(Array.from({ length: c }, async () => { while (s < ops) { s++; await f(); } })); }
const t0 = performance.now();
await pool(60000, 100, () => mode === 'lookup' ? lookupHostname('www.example.test', o) : dnsQuery('www.example.test', o));
console.log(mode, (60000 / (performance.now() - t0) * 1000).toFixed(0), 'ops/s');
await nsd.stop();
