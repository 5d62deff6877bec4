// A stats table's rows handed to the next stage: in group order, or unordered when that stage orders them itself.
import type { GroupTable } from '../aggregates/index.js';
import { groupRowOrder } from '../aggregates/group-order.js';
import type { Stage } from '../engine/types.js';
import { handOverOrder } from './result-order.js';

/**
 * Push every row of `table` into `next`. A following sort orders the rows itself: it gets the group order as its
 * tie-break and the rows come unordered (no sort of all groups before a `sort ... | head`). Only when each row
 * carries its group's BY values under the BY names (no aggregate output overwrites one), since the tie-break reads them.
 */
export function emitGroupRows(table: GroupTable, next: Stage): void {
  const order = groupRowOrder(table.aggregation.byFields, table.aggregation.columns);
  if (order !== null && handOverOrder(next, order)) table.forEachRow((row) => next.push(row), false);
  else table.forEachRow((row) => next.push(row));
}
