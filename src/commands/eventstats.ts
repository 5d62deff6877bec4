// `eventstats [allnum=false] <fn>(x) [AS y]... [BY a, b]`: every event gets its group's aggregates (two passes in memory).
import type { StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type Aggregation, type Group } from '../aggregates/index.js';
import type { CommandDef, Stage } from '../engine/types.js';
import type { EvalCompileContext } from '../eval/index.js';
import type { Event, FieldValue } from '../runtime/event.js';
import { applyResults, groupResults } from './group-results.js';
import { HeldEvents } from './held-events.js';
import { StatsOptions } from './stats-options.js';

/**
 * The aggregation of an eventstats node, the same wherever it is compiled (one thread, or the workers and the main
 * thread of a parallel run, which aggregate partially and merge: docs/parallel.md).
 */
export function eventstatsAggregation(node: StatsCommand, ctx: { evalContext: EvalCompileContext }): Aggregation {
  const options = new StatsOptions(node, ['allnum', 'dedup_splitvals']);
  options.onlyDefault('allnum', (opt) => !options.bool(opt.name.toLowerCase(), false));
  return compileAggregation(node, ctx, { dedupSplitValues: options.bool('dedup_splitvals', false) });
}

/** The second pass: each held event gets its group's results (computed once per group), then goes on in order. */
export function writeGroupResults(aggregation: Aggregation, table: GroupTable, events: readonly Event[], next: Stage): void {
  const cache = new Map<Group, Array<[string, FieldValue]>>();
  const resultsOf = (group: Group) => {
    let results = cache.get(group);
    if (!results) cache.set(group, (results = groupResults(aggregation, group)));
    return results;
  };
  for (const ev of events) {
    // An event with a multivalue BY field is in several groups: the first one's results are used.
    const group = table.groupsOf(ev)[0];
    if (group) applyResults(ev, resultsOf(group));
    next.push(ev);
  }
}

export const eventstatsCommand: CommandDef<StatsCommand> = {
  names: ['eventstats'],
  kind: 'dataset',
  // Workers aggregate their slices and ship their events; the main thread merges the tables, then makes the second pass.
  threads: 'partial-aggregate',
  notes: 'all stats functions and BY rules; holds its events (bound in [commands](commands.md)); partial aggregates over threads',
  compile(node, ctx) {
    const aggregation = eventstatsAggregation(node, ctx);
    return {
      kind: 'dataset',
      // Every field reaches the output; the aggregation's reads are a subset.
      reads: null,
      factory: (next) => {
        // Memory: every event (up to MAX_HELD_EVENTS) plus one state per group.
        const held = new HeldEvents('eventstats', node.span);
        const table = new GroupTable(aggregation);
        return {
          push: (ev) => {
            table.add(ev, held.events.length);
            held.push(ev);
          },
          end: () => {
            writeGroupResults(aggregation, table, held.events, next);
            held.events.length = 0;
            next.end();
          },
        };
      },
    };
  },
};
