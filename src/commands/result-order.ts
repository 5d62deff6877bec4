// How a stage says it puts the results it is given in its own order, so the stage in front may skip ordering them.
import type { Stage } from '../engine/types.js';
import type { Event } from '../runtime/event.js';

/** An order of results: negative when `a` comes first. */
export type ResultCompare = (a: Event, b: Event) => number;

const orderTakers = new WeakMap<Stage, (order: ResultCompare) => void>();

/**
 * Mark `stage` as ordering every result itself (a sort), where only ties between its own keys depend on the order
 * the results arrive in; `take` receives that arrival order as a comparator to break such ties. Returns the stage.
 */
export function ordersResults(stage: Stage, take: (order: ResultCompare) => void): Stage {
  orderTakers.set(stage, take);
  return stage;
}

/**
 * When `stage` orders its results itself, give it `order` (the order the results would come in) and return true:
 * the caller may then hand them over in any order, the output being the same. Else false.
 */
export function handOverOrder(stage: Stage, order: ResultCompare): boolean {
  const take = orderTakers.get(stage);
  if (!take) return false;
  take(order);
  return true;
}
