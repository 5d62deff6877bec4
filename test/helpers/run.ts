// Test helper: parse and compile a query, run it over events given as plain objects, return plain objects.
import { compilePipeline, createCompileContext } from '../../src/engine/compile-pipeline.js';
import { runSync } from '../../src/engine/run.js';
import { SplError } from '../../src/errors.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';

/** Search start time used by tests: 2023-11-14T22:13:20Z. */
export const TEST_NOW = 1700000000;

export type PlainEvent = Record<string, FieldValue | null | undefined>;

/** Compile `query` (UTC unless `zone` names another time zone) and run it over `events`. */
export function runQuery(query: string, events: PlainEvent[], zone = 'UTC'): Array<Record<string, FieldValue>> {
  return runEvents(query, events.map((o) => Event.fromObject(o)), zone).map((ev) => ev.toObject());
}

/** Like runQuery, but with Event objects in and out (e.g. to give events a lazy `_raw`). */
export function runEvents(query: string, events: Event[], zone = 'UTC'): Event[] {
  const ctx = createCompileContext(getZone(zone), TEST_NOW);
  return runSync(compilePipeline(parseQuery(query), ctx), events);
}

/** Parse and compile `query` and return the SplError it throws (fails the test if it compiles or throws another error). */
export function compileError(query: string): SplError {
  try {
    compilePipeline(parseQuery(query), createCompileContext(getZone('UTC'), TEST_NOW));
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected "${query}" to fail to compile`);
}
