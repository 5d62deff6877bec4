// Pack gates: a test of one event that is false only for events a member's pipeline would drop at its first command, so the pack neither copies nor pushes them.
import type { Pipeline } from '../ast.js';
import { measurementsOf } from '../commands/mstats-input.js';
import { firstSearchFilter } from '../engine/first-search.js';
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';

/** The last event `hasMeasurement` judged, and its verdict: every mstats member of a pack asks about the same event in turn. */
let judged: Event | null = null;
let judgedVerdict = false;

/**
 * mstats reads nothing of an event without a measurement (it neither makes a row nor moves its state). Gates are
 * asked about an event before any pipeline is given it (nothing has changed it), so the verdict on the same event
 * object is remembered: a pack with many mstats detections (14 in ESCU) lists an event's fields once, not once each.
 */
export function hasMeasurement(ev: Event): boolean {
  if (ev !== judged) {
    judged = ev;
    judgedVerdict = measurementsOf(ev).length > 0;
  }
  return judgedVerdict;
}

/**
 * The gate of a pipeline over the input events: its first search (also `| search ...` at the head of a subsearch,
 * which reads the inputs like a search without the pipe), or for a leading `mstats`, whether the event carries a
 * measurement; null when every event may matter.
 */
export function inputGate(ast: Pipeline, zone: TimeZone, now: number): ((ev: Event) => boolean) | null {
  const head = ast.commands[0];
  if (head?.kind === 'search') return firstSearchFilter(ast.leadingPipe ? { ...ast, leadingPipe: false } : ast, zone, now)?.test ?? null;
  if (head?.kind === 'generic' && head.name.toLowerCase() === 'mstats') return hasMeasurement;
  return null;
}
