// What a result shows as columns and cell text, shared by the table and CSV writers (`_time` as a timestamp).
import { scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import { compileStrftime } from '../time/strftime.js';
import type { TimeZone } from '../time/zone.js';

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

const ISO_8601 = compileStrftime('%Y-%m-%dT%H:%M:%S.%3N%:z');

/** The cell text of one field: `_time` (epoch seconds) as ISO 8601 in `zone`, as Splunk shows a timestamp. */
export function fieldCellText(name: string, v: FieldValue | undefined, mvSeparator: string, zone: TimeZone | undefined): string {
  if (name === '_time' && zone !== undefined && typeof v === 'number' && Number.isFinite(v)) return ISO_8601(v, zone);
  return cellText(v, mvSeparator);
}
