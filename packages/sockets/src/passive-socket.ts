/**
 * Passive (listening) sockets: `listenOn`, `acceptConnection`, and async
 * iteration over accepted connections.
 */
import type { SocketCore } from './core.js';
import type { StreamDefaults } from './construct.js';
import { CORE } from './handle.js';
import { PassiveMethods, SocketMethods, SocketObject } from './methods.js';

/** Base of the passive classes. Not exported from the package. */
export class PassiveBase extends PassiveMethods(SocketMethods(SocketObject)) {
  /** Internal: sockets are made by `makeSocket` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
  }
}
