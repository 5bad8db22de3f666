/**
 * The immutable Unix-domain socket address (IOLib's `local-address`).
 */
import { Address } from './address.js';
import { show } from './errors.js';

/**
 * A Unix-domain socket address: a file name, or a name in Linux's abstract
 * namespace (`abstract: true`, no file on disk).
 *
 * @example
 * ```ts
 * const file = new LocalAddress('/run/app.sock');
 * const hidden = new LocalAddress('app', true);
 * hidden.toString(); // '@app'
 * ```
 */
export class LocalAddress extends Address {
  /** The file name, or the abstract name without its leading NUL. */
  readonly name: string;
  /** Whether the name lives in the abstract namespace (IOLib's `abstract-address-p`). */
  readonly abstract: boolean;

  /**
   * @param name - the file name or abstract name
   * @param abstract - `true` for Linux's abstract namespace; `false` by default
   * @throws {TypeError} when `name` is not a string or `abstract` not a boolean
   */
  constructor(name: string, abstract = false) {
    super();
    if (typeof name !== 'string') throw new TypeError(`LocalAddress: the name must be a string, got ${show(name)}`);
    if (typeof abstract !== 'boolean') throw new TypeError(`LocalAddress: abstract must be a boolean, got ${show(abstract)}`);
    this.name = name;
    this.abstract = abstract;
    Object.freeze(this);
  }

  /** Always `'local'`. */
  override get family(): 'local' {
    return 'local';
  }

  override equals(other: unknown): boolean {
    return other instanceof LocalAddress && other.name === this.name && other.abstract === this.abstract;
  }

  protected override compareSameFamily(other: Address): number {
    if (!(other instanceof LocalAddress)) return 0;
    if (this.abstract !== other.abstract) return this.abstract ? 1 : -1;
    return this.name < other.name ? -1 : this.name > other.name ? 1 : 0;
  }

  /**
   * The file name, or `@name` for an abstract name (as `ss` prints it).
   *
   * @returns the text
   * @example
   * ```ts
   * new LocalAddress('/tmp/s').toString(); // '/tmp/s'
   * ```
   */
  override toString(): string {
    return this.abstract ? `@${this.name}` : this.name;
  }
}
