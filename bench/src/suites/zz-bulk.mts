import { acceptConnection, localPort, makeSocket } from '@iolib/sockets';
import { createConnection, createServer } from 'node:net';
const MiB = 1 << 20; const CHUNK = Buffer.alloc(256 * 1024, 0x5a);
function transfer(w: any, r: any, mib: number): Promise<void> {
  const total = mib * MiB;
  return new Promise((resolve) => { let got = 0; const on = (d: Buffer) => { got += d.length; if (got >= total) { r.removeListener('data', on); resolve(); } }; r.on('data', on);
    let sent = 0; const pump = () => { while (sent < total) { sent += CHUNK.length; if (!w.write(CHUNK)) { w.once('drain', pump); return; } } }; pump(); });
}
const size = Number(process.argv[2] ?? 65536);
const l = await makeSocket({ connect: 'passive', localHost: '127.0.0.1' });
const cp = makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(l) });
const s = (await acceptConnection(l, { inputBufferSize: size }))!.socket; const c = await cp;
const srv = createServer(); let ns: any; srv.on('connection', (x) => { ns = x; });
await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
const nc = createConnection({ port: (srv.address() as any).port, host: '127.0.0.1' });
await new Promise((r) => nc.once('connect', r)); while (!ns) await new Promise((r) => setImmediate(r));
for (let round = 0; round < 4; round++) {
  let t = process.hrtime.bigint(); await transfer(c, s, 256); const ours = Number(process.hrtime.bigint() - t) / 256e6;
  t = process.hrtime.bigint(); await transfer(nc, ns, 256); const net = Number(process.hrtime.bigint() - t) / 256e6;
  console.log(`ours ${ours.toFixed(3)} ms/MiB  net ${net.toFixed(3)} ms/MiB  ratio(speed) ${(net / ours).toFixed(2)}`);
}
c.close(); s.close(); l.close(); nc.destroy(); ns.destroy(); srv.close();
