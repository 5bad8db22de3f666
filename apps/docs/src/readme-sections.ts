/**
 * Parts of the package READMEs the site shows as they are, so the two never
 * drift apart: a README section's first table, extracted at build time.
 */

/**
 * The first Markdown table under the heading `heading` (any level) of `markdown`.
 *
 * @throws {Error} naming the heading when it or its table is missing, so a README
 *   change that removes them fails the build instead of emptying a page
 */
export function tableUnder(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '').trim() === heading);
  if (at === -1) throw new Error(`docs: no heading "${heading}" in the README`);
  let start = at + 1;
  while (start < lines.length && !lines[start]!.startsWith('|')) {
    if (/^#{1,6} /.test(lines[start]!)) break;
    start++;
  }
  if (start >= lines.length || !lines[start]!.startsWith('|')) throw new Error(`docs: no table under "${heading}" in the README`);
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  return `${lines.slice(start, end).join('\n')}\n`;
}
