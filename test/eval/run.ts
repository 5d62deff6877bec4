// Test helper: compile an expression (written in SPL) and evaluate it against an event given as a plain object.
import { compileEval } from '../../src/eval/index.js';
import type { EvalCompileContext, EvalValue } from '../../src/eval/index.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { UTC } from '../../src/time/zone.js';
import { expr } from './expr.js';

/** Search start time used by tests: 2021-01-01T00:00:00Z. */
export const TEST_NOW = 1609459200;

export const testContext: EvalCompileContext = { zone: UTC, now: TEST_NOW };

export function eventOf(fields: Record<string, FieldValue | null | undefined> = {}): Event {
  return Event.fromObject(fields);
}

/** Evaluate `text` against an event with these fields. */
export function evaluate(text: string, fields: Record<string, FieldValue | null | undefined> = {}, ctx = testContext): EvalValue {
  return compileEval(expr(text), ctx)(eventOf(fields));
}
