// What a result shows as columns and cell text, shared by the table and CSV writers.
import { scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';

/** Column names in first-seen order across all rows. */
export function columnsOf(rows: Event[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const n of r.names()) if (n !== '_raw' || r.get('_raw') !== r.rawText) seen.add(n);
  return [...seen];
}

export function cellText(v: FieldValue | undefined, mvSeparator: string): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.map((x: Scalar) => scalarToString(x)).join(mvSeparator);
  return scalarToString(v);
}
