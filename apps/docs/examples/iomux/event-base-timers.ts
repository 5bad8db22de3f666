/**
 * IOLib's event base: a persistent timer that repeats without drift, a
 * one-shot timer, and exitEventLoop, all run by eventDispatch on Node's loop.
 */
import { addTimer, eventDispatch, exitEventLoop, removeTimer, withEventBase } from 'iolib-node';

export default async function main(): Promise<unknown> {
  return withEventBase({}, async (base) => {
    const log: string[] = [];
    let ticks = 0;
    const tick = addTimer(
      base,
      () => {
        log.push(`tick ${++ticks}`);
        if (ticks === 3) {
          removeTimer(base, tick);
          exitEventLoop(base, { delay: 0.01 });
        }
      },
      0.01,
    );
    addTimer(base, () => log.push('once'), 0.015, { oneShot: true });
    await eventDispatch(base, { timeout: 5 });
    return log;
  });
}
