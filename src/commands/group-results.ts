// Writing a group's aggregate results onto an event (eventstats, streamstats): every output column but the BY fields.
import type { Aggregation, Group, GroupTable } from '../aggregates/index.js';
import type { Stage } from '../engine/types.js';
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

/**
 * A second pass over held events (eventstats, also after a parallel run's merge): each event gets its group's results
 * (computed once per group), then goes on in order. An event in several groups (a multivalue BY field) gets the first
 * one's results.
 */
export function writeGroupResults(aggregation: Aggregation, table: GroupTable, events: readonly Event[], next: Stage): void {
  const cache = new Map<Group, Array<[string, FieldValue]>>();
  const resultsOf = (group: Group) => {
    let results = cache.get(group);
    if (!results) cache.set(group, (results = groupResults(aggregation, group)));
    return results;
  };
  for (const ev of events) {
    const group = table.groupsOf(ev)[0];
    if (group) applyResults(ev, resultsOf(group));
    next.push(ev);
  }
}
