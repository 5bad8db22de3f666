/**
 * Starts a real NSD (Debian's `nsd`) in the foreground for the resolver's
 * tests and benchmark, serving the test zones on 127.0.0.1; stops it and
 * removes its files afterwards. As root it runs as nobody through `setpriv`.
 * Uses node:dgram only to wait until the server answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where NSD lives once `scripts/ensure-test-deps.sh` has run. */
export const NSD_BINARY = ['/usr/sbin/nsd', '/usr/local/sbin/nsd'].find((p) => existsSync(p));

/** The default test port. */
export const NSD_PORT = 15353;

const BIG_COUNT = 120;

/** The zones, by name; `broken.test` is configured with a file that does not exist: NSD answers SERVFAIL. */
export function zones(): Record<string, string> {
  const big = Array.from({ length: BIG_COUNT }, (_, i) => `big A 198.51.${100 + (i >> 8)}.${i & 255}`).join('\n');
  return {
    'example.test': `$ORIGIN example.test.
$TTL 300
@ SOA ns1 hostmaster 2024010101 3600 900 604800 60
@ NS ns1
ns1 A 127.0.0.1
www A 192.0.2.10
www A 192.0.2.11
www AAAA 2001:db8::10
v6only AAAA 2001:db8::20
v4only A 192.0.2.40
alias CNAME alias2
alias2 CNAME www
loop1 CNAME loop2
loop2 CNAME loop1
ext CNAME www.other.test.
dangling CNAME nothere
@ MX 10 mail
@ MX 20 mail2
mail A 192.0.2.25
txt TXT "hello" "world"
_http._tcp SRV 10 5 8080 www
*.wild A 192.0.2.99
nodata TXT "only text"
caa CAA 0 issue "letsencrypt.org"
unknown TYPE65280 \\# 4 01020304
xn--bcher-kva A 192.0.2.77
MiXeD A 192.0.2.88
${big}
`,
    'other.test': `$ORIGIN other.test.
$TTL 120
@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 30
@ NS ns1.example.test.
www A 192.0.2.30
`,
    '2.0.192.in-addr.arpa': `$ORIGIN 2.0.192.in-addr.arpa.
$TTL 300
@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 60
@ NS ns1.example.test.
10 PTR www.example.test.
25 PTR mail.example.test.
`,
    '8.b.d.0.1.0.0.2.ip6.arpa': `$ORIGIN 8.b.d.0.1.0.0.2.ip6.arpa.
$TTL 300
@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 60
@ NS ns1.example.test.
0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 PTR www.example.test.
`,
  };
}

/** A running NSD. */
export interface Nsd {
  /** `'127.0.0.1:PORT'`, as `nameservers` takes it. */
  readonly server: string;
  readonly port: number;
  readonly dir: string;
  readonly process: ChildProcess;
  /** Stops NSD (SIGTERM, then SIGKILL after 3 s) and removes its directory. */
  stop(): Promise<void>;
}

function ask(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const q = Buffer.from('abcd0100000100000000000003777777076578616d706c650474657374000001 0001'.replace(/ /g, ''), 'hex');
    const timer = setTimeout(() => {
      s.close();
      resolve(false);
    }, 200);
    s.on('message', () => {
      clearTimeout(timer);
      s.close();
      resolve(true);
    });
    s.on('error', () => {
      clearTimeout(timer);
      s.close();
      resolve(false);
    });
    s.send(q, port, '127.0.0.1');
  });
}

/**
 * Writes the configuration and zones to a fresh directory and starts
 * `nsd -d -c CONF`, resolving once it answers a query.
 *
 * @param port - UDP and TCP port on 127.0.0.1 (default 15353)
 * @returns the running server
 * @throws {Error} when nsd is not installed, exits early, or does not answer within 10 s
 */
export async function startNsd(port = NSD_PORT): Promise<Nsd> {
  if (NSD_BINARY === undefined) throw new Error('nsd is not installed: run scripts/ensure-test-deps.sh (apt-get install -y nsd)');
  const dir = mkdtempSync(join(tmpdir(), 'iolib-nsd-'));
  chmodSync(dir, 0o755);
  const root = process.getuid?.() === 0;
  const zoneList = Object.entries(zones());
  const conf = [
    'server:',
    `  ip-address: 127.0.0.1@${port}`,
    '  do-ip6: no',
    '  server-count: 1',
    '  tcp-count: 256',
    '  username: ""',
    `  zonesdir: "${dir}"`,
    '  database: ""',
    `  pidfile: "${dir}/nsd.pid"`,
    `  xfrdfile: "${dir}/xfrd.state"`,
    `  zonelistfile: "${dir}/zone.list"`,
    `  xfrdir: "${dir}"`,
    '  verbosity: 0',
    '  hide-version: yes',
    '  rrl-ratelimit: 0',
    '  rrl-whitelist-ratelimit: 0',
    'remote-control:',
    '  control-enable: no',
    ...zoneList.flatMap(([name]) => ['zone:', `  name: "${name}"`, `  zonefile: "${name}.zone"`]),
    'zone:',
    '  name: "broken.test"',
    '  zonefile: "broken.test.missing"',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'nsd.conf'), conf, { mode: 0o644 });
  for (const [name, text] of zoneList) writeFileSync(join(dir, `${name}.zone`), text, { mode: 0o644 });
  if (root) chownSync(dir, 65534, 65534);
  const check = spawnSync('/usr/sbin/nsd-checkconf', [join(dir, 'nsd.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nsd-checkconf rejected the test configuration: ${check.stderr}`);
  const args = ['-d', '-c', join(dir, 'nsd.conf')];
  const child = root
    ? spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', NSD_BINARY, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : spawn(NSD_BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const done = new Promise<void>((resolve) =>
    child.on('close', () => {
      exited = true;
      resolve();
    }),
  );
  // If this process ends without stop() (a crashed suite), NSD must not outlive it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    const timer = exited ? undefined : setTimeout(() => child.kill('SIGKILL'), 3000);
    if (!exited) child.kill('SIGTERM');
    await done;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) {
    if (await ask(port)) return { server: `127.0.0.1:${port}`, port, dir, process: child, stop };
  }
  await stop();
  throw new Error(`nsd did not start on 127.0.0.1@${port}: ${stderr.trim()}`);
}
