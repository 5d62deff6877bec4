// `eventstats [allnum=false] <fn>(x) [AS y]... [BY a, b]`: every event gets its group's aggregates (two passes in memory).
import type { StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type Aggregation } from '../aggregates/index.js';
import type { CommandDef } from '../engine/types.js';
import type { EvalCompileContext } from '../eval/index.js';
import { writeGroupResults } from './group-results.js';
import { HeldEvents } from './held-events.js';
import { StatsOptions } from './stats-options.js';

/** The aggregation: options as eventstats reads them (allnum=true refused, dedup_splitvals before or after BY). */
function eventstatsAggregation(node: StatsCommand, ctx: { evalContext: EvalCompileContext }): Aggregation {
  const options = new StatsOptions(node, ['allnum', 'dedup_splitvals']);
  options.onlyDefault('allnum', (opt) => !options.bool(opt.name.toLowerCase(), false));
  return compileAggregation(node, ctx, { dedupSplitValues: options.bool('dedup_splitvals', false) });
}

export const eventstatsCommand: CommandDef<StatsCommand> = {
  names: ['eventstats'],
  kind: 'dataset',
  // Workers aggregate their slices and ship their events; the main thread merges the tables, then makes the second pass.
  threads: 'partial-aggregate-events',
  notes: 'all stats functions and BY rules; holds its events (bound in [commands](commands.md)); partial aggregates over threads',
  compile(node, ctx) {
    const aggregation = eventstatsAggregation(node, ctx);
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
            writeGroupResults(aggregation, table, held.events, next);
            held.clear();
            next.end();
          },
        };
      },
    };
  },
};
