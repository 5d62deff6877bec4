// Result writers: ndjson (default when piped), json, csv, and an aligned table (default on a terminal).
import { numberToString, scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import { renderTable } from './table.js';
import { cellText, columnsOf } from './cells.js';

export { cellText, columnsOf } from './cells.js';

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

export function createWriter(format: OutputFormat, sink: Sink): ResultWriter {
  switch (format) {
    case 'ndjson':
      return { write: (ev) => sink(`${JSON.stringify(resultObject(ev))}\n`), end: () => undefined };
    case 'json':
      return jsonWriter(sink);
    case 'csv':
      return bufferedWriter((rows) => sink(renderCsv(rows)));
    case 'table':
      return bufferedWriter((rows) => sink(renderTable(rows)));
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

/** CSV as Splunk exports it: a header row, multivalues joined by newlines inside one quoted cell. */
export function renderCsv(rows: Event[]): string {
  const cols = columnsOf(rows);
  if (cols.length === 0) return '';
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(cellText(r.get(c), '\n'))).join(','));
  return `${lines.join('\n')}\n`;
}
