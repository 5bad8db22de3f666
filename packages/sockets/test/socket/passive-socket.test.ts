import { existsSync, lstatSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAddress, listenOn, makeSocket, makeSocketFromFd } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();

describe('the socket file of a passive Unix socket', () => {
  it('is removed when the passive socket that bound it closes, so the next bind succeeds', async () => {
    const path = join(dir(), 'server.sock');
    const s = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
    expect(lstatSync(path).isSocket()).toBe(true);
    s.close();
    expect(existsSync(path)).toBe(false);
    const again = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    expect(again.localFilename()).toBe(path);
  });

  it('bindAddress + listenOn on a passive socket: removed too; closing twice is harmless', async () => {
    const path = join(dir(), 'bound.sock');
    const s = await makeSocket({ addressFamily: 'local', connect: 'passive' });
    await bindAddress(s, path);
    listenOn(s);
    s.close();
    s.close();
    expect(existsSync(path)).toBe(false);
  });

  it('a file replaced after the bind is left alone (never a file iolib did not create)', async () => {
    const path = join(dir(), 'replaced.sock');
    const s = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
    rmSync(path);
    writeFileSync(path, 'somebody else');
    s.close();
    expect(existsSync(path)).toBe(true);
    rmSync(path);
  });

  it('a duplicate made with makeSocketFromFd did not bind: closing it keeps the file', async () => {
    const path = join(dir(), 'dup.sock');
    const s = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    const d = await makeSocketFromFd(s.socketOsFd()!, { connect: 'passive' });
    d.close();
    expect(lstatSync(path).isSocket()).toBe(true);
    s.close();
    expect(existsSync(path)).toBe(false);
  });

  it('abstract names have no file; active and datagram sockets keep theirs', async () => {
    const name = abstractName('passive-abstract');
    const { ensureAddress } = await import('@iolib/address');
    const s = await makeSocket({
      addressFamily: 'local',
      connect: 'passive',
      localFilename: ensureAddress(name, { family: 'local', abstract: true }),
    });
    s.close();
    const path = join(dir(), 'dgram.sock');
    const d = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: path });
    d.close();
    expect(lstatSync(path).isSocket()).toBe(true);
    rmSync(path);
  });
});
