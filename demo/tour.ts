/**
 * `pnpm demo`: a guided tour of iolib. Runs every step in ./steps in order
 * (10 syscalls, 20 address, 30 iomux, 40 sockets, 45 seqpacket, 50 dns, 60 interfaces),
 * each printing what it does. Exits non-zero if any step fails.
 */
import { readdir } from 'node:fs/promises';

interface Step {
  readonly title: string;
  readonly default: (say: (line: string) => void) => Promise<void>;
}

const dir = new URL('./steps/', import.meta.url);
const files = (await readdir(dir)).filter((f) => /^\d+-.*\.ts$/.test(f)).sort();
console.log(`iolib tour: ${files.length} steps\n`);
let failed = 0;
for (const file of files) {
  const step = (await import(new URL(file, dir).href)) as Step;
  console.log(`── ${step.title} ${'─'.repeat(Math.max(0, 60 - step.title.length))}`);
  try {
    await step.default((line) => {
      console.log(`  ${line}`);
    });
  } catch (error) {
    failed++;
    console.log(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log('');
}
console.log(failed === 0 ? 'tour complete: every step ran.' : `tour finished with ${failed} failed step(s).`);
process.exitCode = failed === 0 ? 0 : 1;
