// Render results as an aligned text table; multivalues and multi-line values take several lines in their cell.
import type { Event } from '../runtime/event.js';
import { cellText, columnsOf } from './cells.js';

const MAX_CELL_WIDTH = 80;

/** Split a cell into display lines, wrapping very long lines so the table stays readable. */
function cellLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\r/g, '').replace(/\t/g, '  ').split('\n')) {
    if (line.length <= MAX_CELL_WIDTH) out.push(line);
    else for (let i = 0; i < line.length; i += MAX_CELL_WIDTH) out.push(line.slice(i, i + MAX_CELL_WIDTH));
  }
  return out;
}

export function renderTable(rows: Event[]): string {
  const cols = columnsOf(rows);
  if (rows.length === 0 || cols.length === 0) return '(no results)\n';
  const cells = rows.map((r) => cols.map((c) => cellLines(cellText(r.get(c), '\n'))));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => Math.max(...row[i]!.map((l) => l.length)))));
  const pad = (s: string, i: number) => s.padEnd(widths[i]!);
  const out: string[] = [];
  out.push(cols.map(pad).join('  ').trimEnd());
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) {
    const height = Math.max(...row.map((c) => c.length));
    for (let line = 0; line < height; line++) out.push(row.map((c, i) => pad(c[line] ?? '', i)).join('  ').trimEnd());
  }
  out.push(`(${rows.length} result${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}
