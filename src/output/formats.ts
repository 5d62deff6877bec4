// Result writers: ndjson (default when piped), json, csv, and an aligned table (default on a terminal).
import { numberToString, scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import { renderTable } from './table.js';
import { columnsOf, fieldCellText } from './cells.js';

export { cellText, columnsOf } from './cells.js';
export { knownColumns } from './columns.js';

/** How table and CSV output look; JSON and NDJSON ignore these (`_time` stays a number there). */
export interface WriterOptions {
  /** The zone `_time` is shown in (ISO 8601) in table and CSV output; without it `_time` is the epoch number. */
  zone?: TimeZone;
  /** The terminal width the table fits into. */
  width?: number;
  /** The result columns when the query names them: a CSV of no rows still prints its header. */
  columns?: string[];
}

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

export interface ResultWriter {
  write(ev: Event): void;
  end(): void;
}

type Sink = (text: string) => void;

/** A result as a plain JSON object: keys in field order, multivalues as arrays, numbers as numbers. */
export function resultObject(ev: Event): Record<string, FieldValue> {
  const obj = ev.toObject(false);
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'number' && !Number.isFinite(v)) Object.defineProperty(obj, k, { value: numberToString(v), enumerable: true, writable: true, configurable: true });
  }
  return obj;
}

export function createWriter(format: OutputFormat, sink: Sink, opts: WriterOptions = {}): ResultWriter {
  switch (format) {
    case 'ndjson':
      return { write: (ev) => sink(`${JSON.stringify(resultObject(ev))}\n`), end: () => undefined };
    case 'json':
      return jsonWriter(sink);
    case 'csv':
      return bufferedWriter((rows) => sink(renderCsv(rows, opts)));
    case 'table':
      return bufferedWriter((rows) => sink(renderTable(rows, opts)));
  }
}

function jsonWriter(sink: Sink): ResultWriter {
  let first = true;
  return {
    write: (ev) => {
      sink(`${first ? '[\n' : ',\n'}  ${JSON.stringify(resultObject(ev))}`);
      first = false;
    },
    end: () => sink(first ? '[]\n' : '\n]\n'),
  };
}

/** Table and CSV need every column before the first line: they hold the results (which a query has already reduced). */
function bufferedWriter(render: (rows: Event[]) => void): ResultWriter {
  const rows: Event[] = [];
  return { write: (ev) => void rows.push(ev), end: () => render(rows) };
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Splunk exports it: a header row (also with no rows when the columns are known), multivalues joined by
 * newlines inside one quoted cell, `_time` as ISO 8601 when a zone is given. */
export function renderCsv(rows: Event[], opts: WriterOptions = {}): string {
  const cols = rows.length === 0 && opts.columns ? opts.columns : columnsOf(rows);
  if (cols.length === 0) return '';
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(fieldCellText(c, r.get(c), '\n', opts.zone))).join(','));
  return `${lines.join('\n')}\n`;
}
