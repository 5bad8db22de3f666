import { describe, expect, it } from 'vitest';
import httpBindToDevice from '../examples/sockets/http-bind-to-device.js';
import preforkReuseport from '../examples/sockets/prefork-reuseport.js';
import zeroDowntimeRestart from '../examples/sockets/zero-downtime-restart.js';

describe('Node interop examples', () => {
  it('zero-downtime-restart: the old process answers, hands over, the new one answers on the same port', async () => {
    expect(await zeroDowntimeRestart()).toEqual({ before: 'old', ready: 'ready', after: 'new' });
  });

  it('http-bind-to-device: node:http serves a socket bound to lo', async () => {
    expect(await httpBindToDevice()).toEqual({ device: 'lo', body: 'hello over lo from 127.0.0.1' });
  });

  it('prefork-reuseport: two workers share one port and both answer', async () => {
    expect(await preforkReuseport()).toEqual({ workers: 2, answeredBy: 2 });
  });
});
