import { describe, expect, it } from 'vitest';
import { makeSocket, setOption } from '../../src/index.js';
import { OPTIONS } from '../../src/core/option-table.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('bindToDevice names (UTF-8, checked like the kernel)', () => {
  it('encodes as UTF-8: a name whose Latin-1 bytes would spell "lo" is not "lo"', () => {
    // 'Ŭů' is U+016C U+016F; Latin-1 encoding kept only the low bytes, 0x6C 0x6F: "lo".
    const bytes = OPTIONS.bindToDevice.codec.encode('\u016c\u016f', 'bindToDevice');
    expect([...bytes]).toEqual([0xc5, 0xac, 0xc5, 0xaf, 0]);
    expect(OPTIONS.bindToDevice.codec.decode(bytes, bytes.length)).toBe('\u016c\u016f');
  });

  it.each([
    ['', 'not empty'],
    ['a/b', '"/" is not allowed'],
    ['x\0y', 'NUL is not allowed'],
    ['é'.repeat(8), 'longer than 15 bytes'],
    ['with space', 'white space'],
  ])('setOption rejects %j naming the function, the option and the input', async (name, why) => {
    const s = keep(await makeSocket({ type: 'datagram' }));
    let error: unknown;
    try {
      setOption(s, 'bindToDevice', name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('setOption');
    expect((error as Error).message).toContain('bindToDevice');
    expect((error as Error).message).toContain(JSON.stringify(name));
    expect((error as Error).message).toContain(why);
  });

  it("makeSocket's interface option goes through the same check", async () => {
    await expect(makeSocket({ type: 'datagram', interface: '\u016c\u016f' })).rejects.toThrow(
      /bindToDevice.*not an interface|no such device|ENODEV/i,
    );
    await expect(makeSocket({ type: 'datagram', interface: 'a/b' })).rejects.toThrow(TypeError);
  });
});

describe('numeric option values outside what the kernel stores', () => {
  it('linger seconds above 2^31 - 1 is a RangeError naming setOption, linger and seconds', async () => {
    const s = keep(await makeSocket({}));
    expect(() => setOption(s, 'linger', { enabled: true, seconds: 2 ** 31 })).toThrow(RangeError);
    expect(() => setOption(s, 'linger', { enabled: true, seconds: 2 ** 31 })).toThrow(
      /setOption: socket option linger: seconds 2147483648 is outside 0–2147483647/,
    );
    expect(setOption(s, 'linger', { enabled: true, seconds: 2 ** 31 - 1 })).toEqual({ enabled: true, seconds: 2 ** 31 - 1 });
  });

  it('a timeout of 1e20 seconds is a RangeError naming the option, not ERR_OUT_OF_RANGE', async () => {
    const s = keep(await makeSocket({}));
    let error: unknown;
    try {
      setOption(s, 'receiveTimeout', 1e20);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as NodeJS.ErrnoException).code).not.toBe('ERR_OUT_OF_RANGE');
    expect((error as Error).message).toMatch(/setOption: socket option receiveTimeout: 100000000000000000000 seconds is more than/);
  });

  it('a 32-bit option value out of range names the function', async () => {
    const s = keep(await makeSocket({}));
    expect(() => setOption(s, 'ipTtl', 2 ** 40)).toThrow(/setOption: socket option ipTtl: expected a 32-bit integer, got 1099511627776/);
  });
});
