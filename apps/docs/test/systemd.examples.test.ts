import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import socketActivation from '../examples/systemd/socket-activation.js';

const missing = spawnSync('systemd-socket-activate', ['--version']).error !== undefined;
if (missing) console.warn('skipping the socket-activation example: systemd-socket-activate is not installed (Debian package systemd)');

describe.skipIf(missing)('systemd examples', () => {
  it('socket-activation: the service takes "web" from the activator, notifies READY, and answers', async () => {
    expect(await socketActivation()).toEqual({ notification: 'READY=1\nSTATUS=serving web', body: 'served on fd 3' });
  });
});
