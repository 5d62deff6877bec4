// Stage chains built from compiled commands: the workers' prefix (counting the first command's output) and the main thread's suffix.
import type { CompiledCommand, Stage } from '../engine/types.js';
import type { Event } from '../runtime/event.js';

/** The commands in order in front of `sink`. */
export function chainStages(commands: readonly CompiledCommand[], sink: Stage): Stage {
  return commands.reduceRight((downstream, c) => c.factory(downstream), sink);
}

/**
 * The pipeline prefix a worker runs: like compilePipeline's own chain, events out of the first command are counted
 * in `counter.matched` (the search's matches).
 */
export function countingPrefix(commands: readonly CompiledCommand[], counter: { matched: number }, sink: Stage): Stage {
  const [first, ...rest] = commands;
  const afterFirst = chainStages(rest, sink);
  const counting: Stage = {
    push: (ev: Event) => {
      counter.matched++;
      afterFirst.push(ev);
    },
    end: () => afterFirst.end(),
  };
  return first ? first.factory(counting) : counting;
}

/** A sink handing each result to a callback. */
export function callbackStage(onResult: (ev: Event) => void): Stage {
  return { push: onResult, end: () => undefined };
}
