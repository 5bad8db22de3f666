import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  SOL_SOCKET,
  cmsgAlign,
  cmsgLen,
  cmsgSpace,
  decodeControlMessages,
  decodeCredentials,
  decodeRights,
  encodeControlMessages,
  encodeCredentials,
  encodeRights,
} from '../src/index.js';

describe('cmsg arithmetic (LP64)', () => {
  it.each([
    [0, 16, 16],
    [4, 20, 24],
    [12, 28, 32],
    [16, 32, 32],
  ])('data %i: CMSG_LEN %i, CMSG_SPACE %i', (n, len, space) => {
    expect([cmsgLen(n), cmsgSpace(n)]).toEqual([len, space]);
  });
  it('CMSG_ALIGN', () => {
    expect([0, 1, 8, 9].map(cmsgAlign)).toEqual([0, 8, 8, 16]);
  });
});

describe('control message parsing is bounded', () => {
  it('round-trips several items with padding', () => {
    const items = [
      { level: 1, type: 2, data: new Uint8Array([1, 2, 3]) },
      { level: 41, type: 50, data: new Uint8Array(20).fill(9) },
      { level: 0, type: 0, data: new Uint8Array(0) },
    ];
    const bytes = encodeControlMessages(items);
    expect(bytes.length).toBe(cmsgSpace(3) + cmsgSpace(20) + cmsgSpace(0));
    expect(decodeControlMessages(bytes)).toEqual(items.map((i) => ({ ...i, data: Buffer.from(i.data) })));
  });

  it('stops at a header shorter than cmsghdr or longer than the data', () => {
    const bytes = encodeControlMessages([
      { level: 1, type: 1, data: new Uint8Array(4) },
      { level: 1, type: 1, data: new Uint8Array(4) },
    ]);
    bytes.writeBigUInt64LE(8n, 24); // second cmsg_len < 16
    expect(decodeControlMessages(bytes)).toHaveLength(1);
    bytes.writeBigUInt64LE(1n << 60n, 24);
    expect(decodeControlMessages(bytes)).toHaveLength(1);
    expect(() => decodeControlMessages(bytes, bytes.length + 1)).toThrow(RangeError);
    expect(() => decodeRights(new Uint8Array(5))).toThrow('SCM_RIGHTS data of 5 bytes is not a multiple of 4');
    expect(() => decodeCredentials(new Uint8Array(11))).toThrow('struct ucred needs 12 bytes, got 11');
  });

  it('property: random bytes never throw and never yield more items than 16-byte headers fit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const items = decodeControlMessages(bytes);
        expect(items.length).toBeLessThanOrEqual(Math.floor(bytes.length / 16));
      }),
    );
  });
});

describe('encoders', () => {
  it('SCM_RIGHTS: cmsg_len = CMSG_LEN(4n), padded to CMSG_SPACE', () => {
    const b = encodeRights([3, 4, 5]);
    expect(b.length).toBe(cmsgSpace(12));
    expect([b.readBigUInt64LE(0), b.readInt32LE(8), b.readInt32LE(12)]).toEqual([BigInt(cmsgLen(12)), SOL_SOCKET, SCM_RIGHTS]);
    expect(decodeRights(decodeControlMessages(b)[0]!.data)).toEqual([3, 4, 5]);
  });

  it('SCM_CREDENTIALS round trip', () => {
    const cred = { pid: 1234, uid: 1000, gid: 4294967294 };
    const [item] = decodeControlMessages(encodeCredentials(cred));
    expect([item!.level, item!.type]).toEqual([SOL_SOCKET, SCM_CREDENTIALS]);
    expect(decodeCredentials(item!.data)).toEqual(cred);
  });
});
