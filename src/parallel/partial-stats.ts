// The aggregation of a distributed `stats`: compiled identically in workers and on the main thread, tables rebuilt from groups.
import type { StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type Aggregation, type Group } from '../aggregates/index.js';
import type { EvalCompileContext } from '../eval/index.js';

const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y']);

/**
 * The stats command's aggregation. Its options were validated when the query compiled; of them only
 * `dedup_splitvals` shapes the aggregation (the last one written wins, as in stats itself).
 */
export function compileStatsAggregation(node: StatsCommand, ctx: { evalContext: EvalCompileContext }): Aggregation {
  let dedupSplitValues = false;
  for (const opt of node.trailingOptions) {
    if (opt.name.toLowerCase() === 'dedup_splitvals') dedupSplitValues = TRUE_WORDS.has(opt.value.toLowerCase());
  }
  return compileAggregation(node, ctx, { dedupSplitValues });
}

/** Ordinals of unit `index` start at index × 2^32, so positions stay in input order across units (first/last/list exact). */
export function unitOrdinalBase(index: number): number {
  return index * 2 ** 32;
}

/*
 * GroupTable keeps its groups private, and a table (with its compiled functions) cannot cross threads, so the groups
 * travel alone. TypeScript's element access reaches the private list, still type-checked, until GroupTable has a
 * public way to hand out and take in partial groups.
 */

/** A table's groups in creation order, to send to the main thread. */
export function groupsOfTable(table: GroupTable): Group[] {
  return table['groups'];
}

/** A table holding groups received from a worker, ready to be merged (merge only reads the other table's groups). */
export function tableOfGroups(aggregation: Aggregation, groups: readonly Group[]): GroupTable {
  const table = new GroupTable(aggregation);
  const list = table['groups'];
  for (const group of groups) list.push(group);
  return table;
}
