// A pipeline's stages chained, with a late order after the row-local commands that follow a stats (commands/late-order.ts).
import type { Command } from '../ast.js';
import { endsInLateOrder, LateOrder } from '../commands/late-order.js';
import { findCommand } from './registry.js';
import type { CompiledCommand, Stage, StageFactory } from './types.js';

/** Switch for law tests: false chains plainly (the stats orders every group itself). */
export const lateOrdering = { enabled: true };

/** Commands whose rows come out in group order from a table (stats, and tstats through its stats). */
function ordersGroups(node: Command): boolean {
  return node.kind === 'stats' || (node.kind === 'generic' && node.name.toLowerCase() === 'tstats');
}

/**
 * Whether command `i` is row-local: it looks at each row alone and hands on what it makes of it during that row's
 * push (the commands threads run per event; their held, `dataset`, forms excluded).
 */
function rowLocal(nodes: readonly Command[], compiled: readonly CompiledCommand[], i: number): boolean {
  return findCommand(nodes[i]!)?.threads === 'per-event' && compiled[i]!.kind === 'streaming';
}

/** Commands that drop rows by a test of each (the reason to order late: only what passes is ordered). */
function filters(node: Command): boolean {
  return node.kind === 'search' || node.kind === 'where' || (node.kind === 'generic' && node.name.toLowerCase() === 'regex');
}

/**
 * The runs [start, end) of row-local commands right after a group-ordering command, from `from` on, that hold a
 * filter. Without one every row comes out and is held until the end: ordering late would only cost memory.
 */
export function lateOrderRuns(nodes: readonly Command[], compiled: readonly CompiledCommand[], from: number): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  for (let i = Math.max(from, 1); i < compiled.length; i++) {
    if (!ordersGroups(nodes[i - 1]!) || !rowLocal(nodes, compiled, i)) continue;
    let end = i + 1;
    while (end < compiled.length && rowLocal(nodes, compiled, end)) end++;
    if (nodes.slice(i, end).some(filters)) runs.push({ start: i, end });
    i = end - 1;
  }
  return runs;
}

/** Chain commands `from`.. of a pipeline (`nodes[i]` compiled to `compiled[i]`), each run of lateOrderRuns ending in a LateOrder. */
export function lateOrderChain(nodes: readonly Command[], compiled: readonly CompiledCommand[], from = 0): StageFactory {
  const runs = lateOrdering.enabled ? lateOrderRuns(nodes, compiled, from) : [];
  return (next) => {
    let stage: Stage = next;
    let order: LateOrder | null = null;
    for (let i = compiled.length - 1; i >= from; i--) {
      if (runs.some((r) => r.end - 1 === i)) stage = order = new LateOrder(stage);
      stage = compiled[i]!.factory(stage);
      if (order !== null && runs.some((r) => r.start === i)) {
        endsInLateOrder(stage, order);
        order = null;
      }
    }
    return stage;
  };
}
