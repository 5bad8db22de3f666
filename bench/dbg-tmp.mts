import { startNsd } from '/work/main/packages/dns/test/nsd.ts';
import { lookupHostname, loadResolvConf } from '@iolib/dns';
import { writeFileSync } from 'node:fs';
const nsd = await startNsd(15397);
writeFileSync('/tmp/dbg-hosts', '');
const resolvConf = '/tmp/dbg-resolv';
writeFileSync(resolvConf, `nameserver ${nsd.server}\noptions timeout:2 attempts:2\n`);
const o = { nameservers: nsd.server, hostsFile: '/tmp/dbg-hosts', resolvConf, cache: false, timeout: 2 } as const;
try { await lookupHostname('nx', { ...o, search: ['example.test'] }); } catch (e) { console.log('ERR', (e as Error).message); }
writeFileSync(resolvConf, `nameserver ${nsd.server}\nsearch other.test\noptions ndots:3\n`);
console.log(loadResolvConf(resolvConf));
try { console.log((await lookupHostname('www', { hostsFile: '/tmp/dbg-hosts', resolvConf, cache: false })).address); } catch (e) { console.log('ERR', (e as Error).message); }
await nsd.stop();
