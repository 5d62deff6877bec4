// `stats <fn>(x) [AS y]... [BY a, b] [dedup_splitvals=bool]`: one row per group of BY values (a transforming command).
import type { CommandOption, StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type AggregationOptions } from '../aggregates/index.js';
import type { CommandDef } from '../engine/types.js';
import { closestNames, SplError } from '../errors.js';
import { boolWord } from '../util/bool-word.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { emitGroupRows } from './group-rows.js';

const LEADING_OPTIONS = ['partitions', 'allnum', 'delim'];
const TRAILING_OPTIONS = ['dedup_splitvals'];

function booleanOption(opt: CommandOption): boolean {
  const value = boolWord(opt.value);
  if (value !== undefined) return value;
  throw new SplError('bad-option', `stats: option ${opt.name} expects true or false, got "${opt.value}"`, opt.span);
}

function unknownOption(opt: CommandOption, known: string[]): SplError {
  const hints = closestNames(opt.name, known).map((n) => `did you mean \`${n}\`?`);
  return new SplError('bad-option', `stats: unknown option \`${opt.name}\``, opt.span, hints);
}

/** Validate `partitions=`, `allnum=`, `delim=` (before the functions) and `dedup_splitvals=` (after BY). */
function parseOptions(node: StatsCommand): AggregationOptions {
  for (const opt of node.options) {
    const name = opt.name.toLowerCase();
    if (!LEADING_OPTIONS.includes(name)) throw unknownOption(opt, LEADING_OPTIONS);
    // partitions only spreads work over threads in Splunk; results do not depend on it.
    if (name === 'partitions' && !/^[1-9]\d*$/.test(opt.value)) {
      throw new SplError('bad-option', `stats: partitions expects a positive whole number, got "${opt.value}"`, opt.span);
    }
    if ((name === 'allnum' && booleanOption(opt)) || name === 'delim') {
      throw new SplError('bad-option', `stats: option ${opt.name}${name === 'allnum' ? '=true' : ''} is not supported yet`, opt.span);
    }
  }
  let dedupSplitValues = false;
  for (const opt of node.trailingOptions) {
    if (opt.name.toLowerCase() !== 'dedup_splitvals') throw unknownOption(opt, TRAILING_OPTIONS);
    dedupSplitValues = booleanOption(opt);
  }
  return { dedupSplitValues };
}

export const statsCommand: CommandDef<StatsCommand> = {
  names: ['stats'],
  kind: 'transforming',
  threads: 'partial-aggregate',
  notes: 'all functions of spec 3.6 plus `sparkline`; `allnum=`/`delim=` not yet ([stats](stats.md))',
  compile(node, ctx) {
    const aggregation = compileAggregation(node, ctx, parseOptions(node));
    return {
      kind: 'transforming',
      reads: aggregation.reads,
      limitsFields: true,
      factory: (next) => {
        // Memory: one group per BY combination plus what its functions keep (values(), dc()...), within the budget.
        const table = new GroupTable(aggregation, new MemoryTracker('stats', node.span, ctx.run.maxMemoryMb, 'groups and values'));
        let ordinal = 0;
        return {
          push: (ev) => table.add(ev, ordinal++),
          end: () => {
            emitGroupRows(table, next);
            next.end();
          },
        };
      },
    };
  },
};
