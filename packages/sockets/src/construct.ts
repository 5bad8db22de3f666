/**
 * Making socket objects around a core without importing the class modules
 * (which import the operations): the classes register one factory at load.
 */
import type { SocketCore } from './core.js';
import type { ActiveSocket, PassiveSocket } from './types.js';

/** Stream settings a socket is made with, inherited by accepted sockets. */
export interface StreamDefaults {
  readonly inputBufferSize?: number;
  readonly outputBufferSize?: number;
  readonly externalFormat?: BufferEncoding;
}

/** The factory the class module registers. */
export interface SocketFactory {
  active(core: SocketCore, defaults: StreamDefaults): ActiveSocket;
  passive(core: SocketCore, defaults: StreamDefaults): PassiveSocket;
}

let factory: SocketFactory | undefined;

/** Register the factory (done once by `classes.ts`). */
export function registerSocketFactory(f: SocketFactory): void {
  factory = f;
}

function get(): SocketFactory {
  if (factory === undefined) throw new Error('@iolib/sockets: socket classes are not loaded (import the package entry point)');
  return factory;
}

/** An active socket object of the core's family and type. */
export function createActive(core: SocketCore, defaults: StreamDefaults): ActiveSocket {
  return get().active(core, defaults);
}

/** A passive socket object of the core's family. */
export function createPassive(core: SocketCore, defaults: StreamDefaults): PassiveSocket {
  return get().passive(core, defaults);
}
