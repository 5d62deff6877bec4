// How a stage says it reads only the first N results it is given, so the stage in front need not produce more.
import type { Stage } from '../engine/types.js';

const firstResultsRead = new WeakMap<Stage, number>();

/** Mark `stage` as ignoring every result after the first `count` (e.g. `head 10`); returns the stage. */
export function readsFirstResults(stage: Stage, count: number): Stage {
  firstResultsRead.set(stage, count);
  return stage;
}

/** How many of its first results `stage` reads at most; Infinity when it may read all of them. */
export function resultsRead(stage: Stage): number {
  return firstResultsRead.get(stage) ?? Infinity;
}

/** A stage that keeps only its first `kept` results in an order whose first key is `field`'s numbers, largest first. */
export interface TopByLargest {
  field: string;
  kept: number;
}

const topsByLargest = new WeakMap<Stage, TopByLargest>();

/**
 * Mark `stage` as keeping only the first `top.kept` results of an order led by `top.field` descending as numbers
 * (`sort -count ... | head N`): a result whose number there is below the `kept`-th largest among the results it is
 * given can never be kept, so the stage in front may leave such results out. Returns the stage.
 */
export function keepsTopByLargest(stage: Stage, top: TopByLargest): Stage {
  topsByLargest.set(stage, top);
  return stage;
}

/** What `stage` keeps, when it keeps only its first results by a field's largest numbers. */
export function topByLargest(stage: Stage): TopByLargest | undefined {
  return topsByLargest.get(stage);
}
