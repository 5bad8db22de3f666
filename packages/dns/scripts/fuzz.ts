/**
 * `pnpm --filter @iolib/dns fuzz [packets]`: the decoder's long fuzz run,
 * outside `pnpm test` (which runs 20,000). Decodes a million (or `packets`)
 * mutated packets from test/mutate.ts's corpus and fails on anything but a
 * decoded message or a DnsFormatError; then measures the crafted worst cases
 * of issue 12 against their budget: at most 5 ms of CPU per decode and 1 MiB
 * of heap kept per decoded message.
 *
 * Run with `--expose-gc` (the package script does) for the heap figures.
 */
import fc from 'fast-check';
import { decodeMessage } from '../src/index.js';
import type { DnsMessage } from '../src/index.js';
import { pointerChainReply } from '../test/hostile.js';
import { mutate, mutation, verdict } from '../test/mutate.js';

const CPU_BUDGET_MS = 5;
const HEAP_BUDGET_MIB = 1;

function fuzz(packets: number): void {
  const started = performance.now();
  const seen = { ok: 0, format: 0 };
  fc.assert(
    fc.property(mutation, (m) => {
      seen[verdict(mutate(m))]++;
    }),
    { numRuns: packets },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${packets} mutated packets in ${seconds.toFixed(1)} s: ${seen.ok} decoded, ${seen.format} DnsFormatError, nothing else`,
  );
}

const gc = (globalThis as { gc?: () => void }).gc;

/** CPU ms per decode (after warm-up) and MiB kept per decoded message. */
function cost(bytes: Buffer): { cpuMs: number; heapMiB: number | undefined } {
  for (let i = 0; i < 50; i++) decodeMessage(bytes);
  const runs = 200;
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) decodeMessage(bytes);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / runs / 1000;
  if (gc === undefined) return { cpuMs, heapMiB: undefined };
  const keep: DnsMessage[] = [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 10; i++) keep.push(decodeMessage(bytes));
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / keep.length / 2 ** 20;
  return { cpuMs, heapMiB };
}

const WORST = [
  { name: '49 KB TCP reply, 4,095 records, owners 64-pointer chains to a 255-octet name, empty RDATA', bytes: pointerChainReply(4095) },
  { name: 'the same with 3 octets of RDATA of a type without a decoder (62 KB)', bytes: pointerChainReply(4095, 65280, 3) },
  { name: 'the same as A records (66 KB)', bytes: pointerChainReply(4095, 1, 4) },
  { name: '4 KB UDP reply, 300 such records', bytes: pointerChainReply(300) },
];

const packets = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(packets) || packets < 1)
  throw new RangeError(`fuzz: packets must be a positive integer, got ${String(process.argv[2])}`);
fuzz(packets);
let over = false;
for (const w of WORST) {
  const { cpuMs, heapMiB } = cost(w.bytes);
  const fits = cpuMs <= CPU_BUDGET_MS && (heapMiB === undefined || heapMiB <= HEAP_BUDGET_MIB);
  over ||= !fits;
  const heap = heapMiB === undefined ? 'heap not measured (run with --expose-gc)' : `${heapMiB.toFixed(2)} MiB kept`;
  console.log(
    `${fits ? 'ok  ' : 'OVER'} ${w.name}: ${cpuMs.toFixed(2)} ms CPU, ${heap} (budget ${CPU_BUDGET_MS} ms, ${HEAP_BUDGET_MIB} MiB)`,
  );
}
if (over) process.exitCode = 1;
