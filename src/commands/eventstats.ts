// `eventstats [allnum=false] <fn>(x) [AS y]... [BY a, b]`: every event gets its group's aggregates (two passes in memory).
import type { StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type Group } from '../aggregates/index.js';
import type { CommandDef } from '../engine/types.js';
import type { FieldValue } from '../runtime/event.js';
import { applyResults, groupResults } from './group-results.js';
import { HeldEvents } from './held-events.js';
import { StatsOptions } from './stats-options.js';

export const eventstatsCommand: CommandDef<StatsCommand> = {
  names: ['eventstats'],
  kind: 'dataset',
  notes: 'all stats functions and BY rules; holds its events (bound in [commands](commands.md))',
  compile(node, ctx) {
    const options = new StatsOptions(node, ['allnum', 'dedup_splitvals']);
    options.onlyDefault('allnum', (opt) => !options.bool(opt.name.toLowerCase(), false));
    const aggregation = compileAggregation(node, ctx, { dedupSplitValues: options.bool('dedup_splitvals', false) });
    return {
      kind: 'dataset',
      // Every field reaches the output; the aggregation's reads are a subset.
      reads: null,
      factory: (next) => {
        // Memory: every event plus one state per group, counted together against the budget.
        const held = new HeldEvents('eventstats', node.span, ctx.run.maxMemoryMb);
        const table = new GroupTable(aggregation, held.memory);
        return {
          push: (ev) => {
            table.add(ev, held.events.length);
            held.push(ev);
          },
          end: () => {
            const cache = new Map<Group, Array<[string, FieldValue]>>();
            const resultsOf = (group: Group) => {
              let results = cache.get(group);
              if (!results) cache.set(group, (results = groupResults(aggregation, group)));
              return results;
            };
            for (const ev of held.events) {
              // An event with a multivalue BY field is in several groups: the first one's results are used.
              const group = table.groupsOf(ev)[0];
              if (group) applyResults(ev, resultsOf(group));
              next.push(ev);
            }
            held.clear();
            next.end();
          },
        };
      },
    };
  },
};
