/**
 * Hand-written SVG bar charts for the Performance page: one horizontal bar per
 * contender of a benchmark comparison, the length its median time per
 * operation, ours first and highlighted. No chart library, no script: the SVG
 * is inlined into the page at build time.
 */

/** One bar. */
export interface Bar {
  readonly label: string;
  /** Median nanoseconds per operation. */
  readonly ns: number;
  /** This contender's time ÷ ours, per round (median); absent for ours. */
  readonly timesOurs?: number;
  readonly ours: boolean;
}

const WIDTH = 760;
const LABEL_WIDTH = 270;
const VALUE_WIDTH = 190;
const ROW = 30;
const TOP = 12;

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A duration in ns as people read it: `349 ns`, `63.0 µs`, `6.08 ms`, `1.20 s`. */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) throw new RangeError(`formatDuration: ${ns} is not a duration in ns`);
  if (ns < 1e3) return `${ns.toFixed(ns < 10 ? 1 : 0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}

/**
 * An SVG bar chart of `bars` (time per `unit`; shorter is faster).
 *
 * @param title - the chart's accessible title
 * @param unit - what one operation is (`'round trip'`)
 * @param bars - ours first, then the peers
 * @returns the `<svg>` element as text, without blank lines (so Markdown keeps it one HTML block)
 * @throws {RangeError} when there is no bar or a time is not a positive number
 */
export function barChart(title: string, unit: string, bars: readonly Bar[]): string {
  if (bars.length === 0) throw new RangeError(`barChart: "${title}" has no bars`);
  for (const b of bars) if (!(b.ns > 0)) throw new RangeError(`barChart: "${title}": ${b.label} has no positive time (${b.ns})`);
  const max = Math.max(...bars.map((b) => b.ns));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const height = TOP * 2 + bars.length * ROW + 18;
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(2, (b.ns / max) * span);
    const value = `${formatDuration(b.ns)} per ${unit}${b.timesOurs === undefined ? '' : ` · ${b.timesOurs.toFixed(2)}× ours`}`;
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + 19}" text-anchor="end" font-weight="${b.ours ? 600 : 400}">${escapeXml(b.label)}</text>`,
      `<rect class="bar${b.ours ? ' ours' : ''}" x="${LABEL_WIDTH}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" rx="3" fill="${b.ours ? '#2563eb' : '#94a3b8'}"><title>${escapeXml(`${b.label}: ${value}`)}</title></rect>`,
      `<text x="${(LABEL_WIDTH + w + 8).toFixed(1)}" y="${y + 19}" fill="#334155">${escapeXml(value)}</text>`,
    ].join('');
  });
  const axisY = TOP + bars.length * ROW + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13" fill="#0f172a">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...rows,
    `<line x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + span}" y2="${axisY}" stroke="#cbd5e1"/>`,
    `<text x="${LABEL_WIDTH}" y="${axisY + 14}" font-size="11" fill="#64748b">median time per ${escapeXml(unit)}: shorter is faster</text>`,
    '</svg>',
  ].join('');
}
