import { describe, expect, it } from 'vitest';
import { tableUnder } from '../src/readme-sections.js';

const readme = [
  '# pkg',
  '',
  '## Usage',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  '## Differences from IOLib',
  '',
  'Text first.',
  '',
  '| Where | Why |',
  '| --- | --- |',
  '| x | y |',
  '',
  'After.',
  '| not | this |',
].join('\n');

describe('tableUnder', () => {
  it('returns the first table under the heading, and only it', () => {
    expect(tableUnder(readme, 'Differences from IOLib')).toBe('| Where | Why |\n| --- | --- |\n| x | y |\n');
    expect(tableUnder(readme, 'Usage')).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |\n');
  });

  it('fails naming the heading when the heading or its table is missing', () => {
    expect(() => tableUnder(readme, 'Install')).toThrow(new Error('docs: no heading "Install" in the README'));
    expect(() => tableUnder('## Empty\n\ntext\n## Next\n| a |', 'Empty')).toThrow(new Error('docs: no table under "Empty" in the README'));
  });
});
