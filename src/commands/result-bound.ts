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
