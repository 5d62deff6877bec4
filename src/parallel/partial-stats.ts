// The aggregation of a distributed `stats` or `eventstats`: compiled identically in workers and on the main thread.
import type { StatsCommand } from '../ast.js';
import { compileAggregation, type Aggregation } from '../aggregates/index.js';
import type { EvalCompileContext } from '../eval/index.js';
import { boolWord } from '../util/bool-word.js';

/**
 * The stats command's aggregation. Its options were validated when the query compiled; of them only
 * `dedup_splitvals` shapes the aggregation (the last one written wins, as in stats itself).
 */
export function compileStatsAggregation(node: StatsCommand, ctx: { evalContext: EvalCompileContext }): Aggregation {
  let dedupSplitValues = false;
  // Leading options too (eventstats takes dedup_splitvals anywhere; stats refused it there when the query compiled).
  for (const opt of [...node.options, ...node.trailingOptions]) {
    if (opt.name.toLowerCase() === 'dedup_splitvals') dedupSplitValues = boolWord(opt.value) === true;
  }
  return compileAggregation(node, ctx, { dedupSplitValues });
}

/** Ordinals of unit `index` start at index × 2^32, so positions stay in input order across units (first/last/list exact). */
export function unitOrdinalBase(index: number): number {
  return index * 2 ** 32;
}

