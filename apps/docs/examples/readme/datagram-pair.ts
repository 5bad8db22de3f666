// The example at the top of the repository's README, kept runnable: a Unix
// datagram socketpair, something node:dgram cannot make.
import { makeSocketPair } from 'iolib-node';

export default async function main(): Promise<string> {
  const [a, b] = await makeSocketPair({ type: 'datagram' });
  try {
    await a.sendTo(Buffer.from('hello'));
    const { buffer, bytes } = await b.receiveFrom({ size: 64 });
    return buffer.subarray(0, bytes).toString();
  } finally {
    a.close();
    b.close();
  }
}
