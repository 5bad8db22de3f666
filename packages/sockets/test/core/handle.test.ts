import { describe, expect, it } from 'vitest';
import { coreOf } from '../../src/core/handle.js';
import { makeSocketPair, sendTo, socketOsFd } from '../../src/index.js';

describe('coreOf: what is not a socket', () => {
  it('a Promise (a forgotten await) says so', async () => {
    const pending = makeSocketPair({});
    expect(() => coreOf(pending, 'sendTo')).toThrow('sendTo: expected an iolib socket, got a Promise (a missing await?)');
    await expect(sendTo(pending as never, Buffer.from('x'))).rejects.toThrow(/got a Promise \(a missing await\?\)/);
    expect(() => socketOsFd(pending as never)).toThrow(/socketOsFd: expected an iolib socket, got a Promise/);
    for (const s of await pending) s.close();
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [42, 'number'],
    [{}, 'an object that is not one'],
  ])('%j', (value, what) => {
    expect(() => coreOf(value, 'op')).toThrow(`op: expected an iolib socket, got ${what}`);
  });
});
