// The text key of an event's values for some fields (dedup's combinations, join's keys), or null when one is missing.
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';

/** Values compare as text; a multivalue counts as a whole. Null when any field is missing. */
export function valueKey(ev: Event, fields: readonly string[]): string | null {
  const parts: string[][] = [];
  for (const f of fields) {
    const v = ev.get(f);
    if (v === undefined) return null;
    parts.push(valuesOf(v).map(scalarToString));
  }
  return JSON.stringify(parts);
}
