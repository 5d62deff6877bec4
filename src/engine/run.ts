// Drive a compiled pipeline: push events in, collect results out (sync for arrays, async for streams).
import { Event, type FieldValue } from '../runtime/event.js';
import type { CompiledPipeline } from './compile-pipeline.js';
import type { Stage } from './types.js';
import { inMemoryInputs } from './run-services.js';
import { prerunSubsearches } from './subsearch.js';

/** A sink that hands each result to a callback. */
function callbackStage(onResult: (ev: Event) => void): Stage {
  return { push: onResult, end: () => undefined };
}

/** Run over an in-memory list of events; returns the results. */
export function runSync(pipeline: CompiledPipeline, events: Iterable<Event>): Event[] {
  if (pipeline.replaysInputs && !pipeline.run.inputs?.replay) return runHeld(pipeline, Array.from(events));
  const out: Event[] = [];
  const head = pipeline.factory(callbackStage((ev) => out.push(ev)));
  if (!pipeline.generating) for (const ev of events) head.push(ev);
  head.end();
  return out;
}

/**
 * Subsearches (join, append, map) run over the same events as the search: with no replay supplied by the caller
 * (the scan plan re-reads files), the events are held in memory and replayed from there.
 */
function runHeld(pipeline: CompiledPipeline, held: Event[]): Event[] {
  const given = pipeline.run.inputs;
  pipeline.run.inputs = inMemoryInputs(held);
  try {
    return runSync(pipeline, held);
  } finally {
    pipeline.run.inputs = given;
  }
}

/** Run over batches of events from an async source, calling `onResult` as results appear. */
export async function runAsync(pipeline: CompiledPipeline, batches: AsyncIterable<Event[]>, onResult: (ev: Event) => void): Promise<void> {
  const { run } = pipeline;
  if (pipeline.replaysInputs && !run.inputs?.replay) {
    if (pipeline.dynamicReplay || !run.inputs?.replayBatches) {
      const held: Event[] = [];
      for await (const batch of batches) for (const ev of batch) held.push(ev);
      for (const ev of runHeld(pipeline, held)) onResult(ev);
      return;
    }
    // join/append subsearches run first over a re-read of the inputs, as in Splunk; only their rows are kept.
    await prerunSubsearches(pipeline.subsearches, run);
  }
  try {
    const head = pipeline.factory(callbackStage(onResult));
    if (!pipeline.generating) {
      for await (const batch of batches) for (const ev of batch) head.push(ev);
    }
    head.end();
  } finally {
    run.prepared = null;
  }
}

/** Accept plain objects as events (library convenience): values are used as already-flat fields. */
export function toEvent(value: Event | Record<string, FieldValue | null | undefined>): Event {
  return value instanceof Event ? value : Event.fromObject(value);
}
