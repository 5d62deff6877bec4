// Lookup tables in memory: read from CSV (csv-parse: quotes, embedded newlines, BOM, CRLF) or JSON, cells as text.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { SplError } from '../errors.js';
import type { NodeBuffer } from '../util/node-buffer.js';
import { nodeZlib } from '../util/node-zlib.js';

/** A table: column names and rows of cells, in file order. An empty cell is an absent value. */
export interface LookupTable {
  columns: string[];
  rows: string[][];
  /** Where it came from, for messages. */
  source: string;
}

/** Rows a table may hold; past this loading fails clearly rather than exhausting memory. */
export const MAX_TABLE_ROWS = 10_000_000;

function readBytes(file: string, name: string): Buffer {
  try {
    const bytes = fs.readFileSync(file);
    return file.endsWith('.gz') ? nodeZlib().gunzipSync(bytes) : bytes;
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (e as Error).message;
    throw new SplError('lookup-load', `lookup ${name}: cannot read its table ${file}: ${reason}`);
  }
}

/** A CSV table: the first record is the header; a row with a different number of cells is an error naming its line. */
export function parseCsvTable(text: string | NodeBuffer, source: string): LookupTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true, info: false }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const line = err.lines !== undefined ? `:${err.lines}` : '';
    throw new SplError('malformed-lookup', `malformed lookup table ${source}${line}: ${err.message.replace(/^Invalid Record Length: /, '')}`);
  }
  const [header, ...rows] = records;
  if (!header) return { columns: [], rows: [], source };
  if (rows.length > MAX_TABLE_ROWS) throw new SplError('lookup-load', `lookup table ${source} has ${rows.length} rows, over the limit of ${MAX_TABLE_ROWS}`);
  return { columns: header.map((c) => c.trim()), rows, source };
}

/** A JSON table: an array of flat objects (or NDJSON lines); columns in order of first appearance. */
export function parseJsonTable(text: string, source: string): LookupTable {
  const trimmed = text.trim();
  let objects: unknown[];
  try {
    objects = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  } catch (e) {
    throw new SplError('malformed-lookup', `malformed lookup table ${source}: ${(e as Error).message}`);
  }
  const columns: string[] = [];
  const index = new Map<string, number>();
  const objs = objects.map((o, i) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new SplError('malformed-lookup', `malformed lookup table ${source}: row ${i + 1} is not an object`);
    for (const k of Object.keys(o)) if (!index.has(k)) index.set(k, columns.push(k) - 1);
    return o as Record<string, unknown>;
  });
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const rows = objs.map((o) => columns.map((c) => cell(o[c])));
  return { columns, rows, source };
}

/** Read a table file by its extension: .json/.ndjson as JSON, anything else (.csv, .csv.gz) as CSV. */
export function readTableFile(file: string, name: string): LookupTable {
  if (!/\.(csv|csv\.gz|json|ndjson|jsonl)$/i.test(file)) {
    throw new SplError('lookup-load', `lookup ${name}: ${file} is not a CSV or JSON table`);
  }
  const bytes = readBytes(file, name);
  return /\.(json|ndjson|jsonl)$/i.test(file) ? parseJsonTable(bytes.toString('utf8'), file) : parseCsvTable(bytes, file);
}
