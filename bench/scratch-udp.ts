import { localPort, makeSocket } from '@iolib/sockets';
const SIZE = 64;
const ops = Number(process.argv[2] ?? 200000);
const b = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
const a = await makeSocket({ type: 'datagram', localHost: '127.0.0.1', remoteHost: '127.0.0.1', remotePort: localPort(b) });
await b.connect('127.0.0.1', { port: localPort(a) });
const rbufE = Buffer.alloc(2048);
void (async () => { try { for (;;) { const r = await b.receiveFrom({ buffer: rbufE }); await b.sendTo(rbufE, { end: r.bytes }); } } catch {} })();
const ping = Buffer.alloc(SIZE, 7); const rbuf = Buffer.alloc(2048);
for (let k = 0; k < 3; k++) {
const t0 = process.hrtime.bigint();
for (let i = 0; i < ops; i++) { await a.sendTo(ping); await a.receiveFrom({ buffer: rbuf }); }
console.log('ns/rt', Number(process.hrtime.bigint() - t0) / ops);
}
a.close(); b.close();
