// Writing a group's aggregate results onto an event (eventstats, streamstats): every output column but the BY fields.
import type { Aggregation, Group } from '../aggregates/index.js';
import { Event, type FieldValue } from '../runtime/event.js';

/** A group's results as (name, value) pairs, BY fields left out (the event keeps its own, maybe multivalue, values). */
export function groupResults(agg: Aggregation, group: Group): Array<[string, FieldValue]> {
  const row = new Event();
  agg.writeRow(group, row);
  const by = new Set(agg.byFields);
  const out: Array<[string, FieldValue]> = [];
  for (const name of row.names()) if (!by.has(name)) out.push([name, row.get(name)!]);
  return out;
}

/**
 * Set the results on the event. A result with no value (avg of no numbers) leaves the event's field as it is
 * (a choice: Splunk's docs are silent).
 */
export function applyResults(ev: Event, results: ReadonlyArray<[string, FieldValue]>): void {
  for (const [name, value] of results) ev.set(name, value);
}
