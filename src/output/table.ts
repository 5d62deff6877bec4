// Render results as an aligned text table that fits the terminal width; multi-line values take several lines in their cell.
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import { columnsOf, fieldCellText } from './cells.js';

/** No column is wider than this, whatever the terminal. */
const MAX_CELL_WIDTH = 80;
/** Columns are not narrowed below this to fit the width (a table of many columns may then be wider). */
const MIN_CELL_WIDTH = 8;
const GAP = '  ';

export interface TableOptions {
  /** The terminal's width in characters; the table is narrowed (cells wrapped) to fit it. */
  width?: number;
  /** The zone `_time` is shown in. */
  zone?: TimeZone;
}

/** Split a cell into display lines of at most `width` characters. */
function cellLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\r/g, '').replace(/\t/g, '  ').split('\n')) {
    if (line.length <= width) out.push(line);
    else for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  }
  return out;
}

/** Column widths: natural widths capped at MAX_CELL_WIDTH, then the widest narrowed until the row fits `width`. */
function fitWidths(natural: number[], width: number | undefined): number[] {
  const widths = natural.map((w) => Math.max(1, Math.min(w, MAX_CELL_WIDTH)));
  if (width === undefined) return widths;
  let total = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  while (total > width) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if (widths[i]! > widths[widest]!) widest = i;
    if (widths[widest]! <= MIN_CELL_WIDTH) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

export function renderTable(rows: Event[], opts: TableOptions = {}): string {
  const cols = columnsOf(rows);
  if (rows.length === 0 || cols.length === 0) return '(no results)\n';
  const texts = rows.map((r) => cols.map((c) => fieldCellText(c, r.get(c), '\n', opts.zone)));
  const natural = cols.map((c, i) => Math.max(c.length, ...texts.map((row) => Math.max(...row[i]!.split('\n').map((l) => l.replace(/\t/g, '  ').length)))));
  const widths = fitWidths(natural, opts.width);
  const out: string[] = [];
  const pushRow = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) out.push(cells.map((c, i) => (c[line] ?? '').padEnd(widths[i]!)).join(GAP).trimEnd());
  };
  pushRow(cols.map((c, i) => cellLines(c, widths[i]!)));
  out.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  for (const row of texts) pushRow(row.map((t, i) => cellLines(t, widths[i]!)));
  out.push(`(${rows.length} result${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}
