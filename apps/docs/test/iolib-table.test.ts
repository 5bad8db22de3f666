import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The umbrella package, imported in this one place (its name may change).
import * as umbrella from 'iolib-node';
import { iolibTable, readIndexNames, readIolibNames } from '../src/iolib-table.js';

const manual = new URL('../../../../shared/iolib-manual.txt', import.meta.url);

/** The names of the manual's index (`sockets:make-socket` → `make-socket`), as committed in iolib-index-names.txt. */
function indexNamesOf(text: string): string[] {
  const index = text.slice(text.lastIndexOf('\nIndex\n'));
  return [...new Set([...index.matchAll(/sockets:([^\s<`]+)/g)].map((m) => m[1]!))].sort();
}

describe('the IOLib name mapping (iolib-names.json)', async () => {
  const names = await readIolibNames();
  const index = await readIndexNames();

  it('the committed index list is the manual index, when the manual is beside the clone', () => {
    if (!existsSync(manual)) {
      console.log('docs: ../shared/iolib-manual.txt is not beside the clone; checking against the committed iolib-index-names.txt only');
      return;
    }
    expect(index).toEqual(indexNamesOf(readFileSync(manual, 'utf8')));
  });

  it('maps every name of the manual index, and nothing else', () => {
    expect(index.length).toBe(122);
    expect(index.filter((n) => !(n in names))).toEqual([]);
    expect(Object.keys(names).filter((n) => !index.includes(n))).toEqual([]);
  });

  it.each(index)('%s is exported by the umbrella package and by its own package', async (lisp) => {
    const { typescript, package: pkg } = names[lisp]!;
    const [owner = typescript, member] = typescript.split('.');
    const fromUmbrella = (umbrella as Record<string, unknown>)[owner];
    expect(fromUmbrella, `${owner} from the umbrella`).toBeTypeOf('function');
    const own = (await import(pkg)) as Record<string, unknown>;
    expect(own[owner], `${owner} from ${pkg}`).toBe(fromUmbrella);
    if (member !== undefined) {
      // A condition's datum reader is the `datum` field its constructor sets.
      expect(String(fromUmbrella)).toMatch(new RegExp(`this\\.${member}\\s*=`));
    }
  });
});

describe('iolibTable', () => {
  it('writes one linked row per name, sorted, escaping table pipes', () => {
    const table = iolibTable({
      'b-thing': { typescript: 'bThing', package: '@iolib/nowhere' },
      'a-error-datum': { typescript: 'AError.datum', package: '@iolib/nowhere' },
    });
    expect(table).toBe(
      [
        '| IOLib (manual index) | TypeScript | package |',
        '| --- | --- | --- |',
        '| `a-error-datum` | [`AError` `.datum`](/api/@iolib/nowhere/) | `@iolib/nowhere` |',
        '| `b-thing` | [`bThing`](/api/@iolib/nowhere/) | `@iolib/nowhere` |',
        '',
      ].join('\n'),
    );
  });
});
