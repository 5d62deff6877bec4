// What a run supplies to commands that look beyond their own input: a replay of the search's inputs and warnings.
import type { Pipeline } from '../ast.js';
import type { Event } from '../runtime/event.js';
import { defaultMaxMemoryMb } from '../runtime/memory-budget.js';

/**
 * The outer search's inputs, readable again from the start: what `join`, `append` and `map` run their subsearches
 * over (Splunk runs a subsearch over the same indexes as the search around it). Each pass is fresh, its events are
 * new objects (stages change events in place), decoding at least `fields` (null: every field).
 *
 * - `replay`: a synchronous pass (inputs held in memory). Any subsearch can use it, including map's, whose searches
 *   are only known while the search runs.
 * - `replayBatches`: an asynchronous pass in batches (the scan plan re-reading the same files with the same
 *   options). The runner uses it to run the subsearches known at compile time (join, append) before the search,
 *   as Splunk does; a query with `map` still needs `replay`.
 */
export interface SubsearchInputs {
  /** `subsearch`: the pipeline the events go to (a pack checks its first search against the events it held). */
  replay?(fields: ReadonlySet<string> | null, subsearch?: Pipeline): Iterable<Event>;
  replayBatches?(fields: ReadonlySet<string> | null): AsyncIterable<Event[]>;
}

/**
 * Run-scoped services, one object per compiled query (the compile context and the compiled pipeline share it).
 * The runner sets `inputs` (and may set `warn`) before it builds the stages; a stage reads them when it is built.
 */
export interface RunServices {
  inputs: SubsearchInputs | null;
  /** A limit truncated something (subsearch rows or time, map's searches); said once per stage, not per event. */
  warn(message: string): void;
  /** Results of subsearches the runner ran before the search (from `replayBatches`), by subsearch. */
  prepared: Map<object, Event[]> | null;
  /** The memory budget of each command that holds data, in MB (engine/memory-budget.ts). */
  maxMemoryMb: number;
}

/** Services with no inputs; warnings go to `onWarning`, else to stderr once per distinct message. */
export function createRunServices(onWarning?: (message: string) => void, maxMemoryMb = defaultMaxMemoryMb()): RunServices {
  const said = new Set<string>();
  const warn = onWarning ?? ((message: string) => {
    if (said.has(message)) return;
    said.add(message);
    process.stderr.write(`splq: warning: ${message}\n`);
  });
  return { inputs: null, warn, prepared: null, maxMemoryMb };
}

/** Inputs that replay copies of events held in memory (the originals are copied first, as the run changes them). */
export function inMemoryInputs(events: readonly Event[]): SubsearchInputs {
  const snapshot = events.map((ev) => ev.clone());
  return {
    *replay() {
      for (const ev of snapshot) yield ev.clone();
    },
  };
}
