// A stats table's rows handed to the next stage: in group order, or unordered when the stages after it order them.
import type { GroupTable } from '../aggregates/index.js';
import { groupRowOrder } from '../aggregates/group-order.js';
import type { Stage } from '../engine/types.js';
import type { Scalar } from '../runtime/event.js';
import { lateOrderOf } from './late-order.js';
import { handOverOrder } from './result-order.js';
import { topByLargest } from './result-bound.js';

/**
 * Push every row of `table` into `next`. A following sort orders the rows itself: it gets the group order as its
 * tie-break and the rows come unordered (no sort of all groups before a `sort ... | head`); a sort that keeps only
 * its first N rows by the count, largest first, gets only the rows that may be among them. Row-local commands
 * followed by a late order (late-order.ts): the rows come unordered, each announced with its group's BY values, and
 * only those that survive the commands are ordered. Both only when each row carries its group's BY values under the
 * BY names (no aggregate output overwrites one), since they are read from the row.
 */
export function emitGroupRows(table: GroupTable, next: Stage): void {
  const { byFields, columns } = table.aggregation;
  const order = groupRowOrder(byFields, columns);
  const late = order === null ? undefined : lateOrderOf(next);
  if (late !== undefined) {
    table.forEachRow((row) => {
      late.from(byFields.map((f) => row.get(f) as Scalar));
      next.push(row);
    }, false);
    late.from(null);
  } else if (order !== null && handOverOrder(next, order)) {
    // `stats count by x | sort -count ... | head N`: rows with fewer than the N-th largest count are never kept.
    const top = topByLargest(next);
    const least = top !== undefined && top.field === table.countColumn() ? table.nthLargestCount(top.kept) : 0;
    table.forEachRow((row) => next.push(row), false, least);
  } else table.forEachRow((row) => next.push(row));
}
