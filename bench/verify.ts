// Compares result rows of two engines as unordered multisets: values as strings, numbers numerically.
import { readFileSync } from 'node:fs';

export type Row = Record<string, unknown>;

export interface RowComparison {
  equal: boolean;
  /** Canonical rows the expected side has more often than the actual side. */
  missing: string[];
  /** Canonical rows the actual side has more often than the expected side. */
  unexpected: string[];
}

const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A value as comparable text: numbers (or numeric strings) in JavaScript's canonical form, arrays element-wise. */
export function canonicalValue(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(canonicalValue));
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return String(Number(value));
  return String(value);
}

/** A row as one string: fields sorted by name, null and missing fields left out. */
export function canonicalRow(row: Row): string {
  const fields = Object.keys(row)
    .filter((name) => row[name] !== null && row[name] !== undefined)
    .sort()
    .map((name) => [name, canonicalValue(row[name])]);
  return JSON.stringify(fields);
}

function tally(rows: readonly Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = canonicalRow(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function surplus(of: Map<string, number>, over: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [key, count] of of) for (let i = over.get(key) ?? 0; i < count; i++) out.push(key);
  return out;
}

export function compareRows(expected: readonly Row[], actual: readonly Row[]): RowComparison {
  const expectedCounts = tally(expected);
  const actualCounts = tally(actual);
  const missing = surplus(expectedCounts, actualCounts);
  const unexpected = surplus(actualCounts, expectedCounts);
  return { equal: missing.length === 0 && unexpected.length === 0, missing, unexpected };
}

/** Parse an NDJSON file of result rows (blank lines ignored). */
export function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim().length > 0).map((line) => JSON.parse(line) as Row);
}
