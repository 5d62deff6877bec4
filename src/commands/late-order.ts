// Late ordering: a stats' rows go through the row-local commands after it unordered, and only the rows that come out are put in group order.
import type { Stage } from '../engine/types.js';
import type { Event, Scalar } from '../runtime/event.js';
import { orderGroups } from '../aggregates/group-order.js';

/** A row that came out of the row-local commands, with the BY values of the group it was made from. */
interface HeldRow {
  byValues: readonly Scalar[];
  row: Event;
}

/**
 * Sits after the row-local commands that follow a stats (eval, rename, rex, lookup, search, ...: each looks at one
 * row alone and hands on what it makes of it at once). The stats tells it, row by row, the group a row was made from
 * (`from`) and hands the rows over unordered; what comes out is held and, at the end, put in group order (stable:
 * rows made from one group keep their order) before the rest of the pipeline gets it. The output is the same as with
 * ordered rows, but only the rows that survive the commands are ordered: most ESCU hunting detections drop nearly
 * every row of a large table (`| search ...` after a lookup), so sorting every group was wasted.
 * Without `from` (a stats that ordered its rows itself) rows pass straight on.
 */
export class LateOrder implements Stage {
  private current: readonly Scalar[] | null = null;
  private readonly held: HeldRow[] = [];

  /** `next`: the rest of the pipeline, after the row-local commands. */
  constructor(private readonly next: Stage) {}

  /** The rows that arrive from now on were made from the group with these BY values (null: pass them on at once). */
  from(byValues: readonly Scalar[] | null): void {
    this.current = byValues;
  }

  /** A row out of the row-local commands: held with its group's BY values, or passed on when no group was named. */
  push(row: Event): void {
    if (this.current === null) this.next.push(row);
    else this.held.push({ byValues: this.current, row });
  }

  /** The held rows in group order, then the end. */
  end(): void {
    this.current = null;
    if (this.held.length) for (const { row } of orderGroups(this.held)) this.next.push(row);
    this.held.length = 0;
    this.next.end();
  }
}

const lateOrders = new WeakMap<Stage, LateOrder>();

/** Mark `stage` (the first row-local command after a stats) as ending in `order`; returns the stage. */
export function endsInLateOrder(stage: Stage, order: LateOrder): Stage {
  lateOrders.set(stage, order);
  return stage;
}

/** The late order `stage`'s row-local commands end in, if any (a stats then may hand its rows over unordered). */
export function lateOrderOf(stage: Stage): LateOrder | undefined {
  return lateOrders.get(stage);
}

/** `outer` passes every row straight to `inner` (a counter): it ends in the same late order as `inner`. */
export function passLateOrder(outer: Stage, inner: Stage): Stage {
  const order = lateOrders.get(inner);
  if (order) lateOrders.set(outer, order);
  return outer;
}
