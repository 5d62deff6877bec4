// Splunk time modifiers (earliest/latest, relative_time): compiled once, evaluated in a zone's local time.

import { compileStrptimeMatcher } from './strptime.js';
import { parseTimestamp } from './parse.js';
import { parseRelativeSteps, type ModifierStep } from './relative-parse.js';
import { applyOffset, snapDown } from './relative-steps.js';
import { UTC, type TimeZone } from './zone.js';

/** Evaluates a compiled modifier against "now" (epoch seconds) in a zone. */
export type TimeModifier = (nowSeconds: number, zone: TimeZone) => number;

const EPOCH_NUMBER = /^\d+(?:\.\d+)?$/;
const matchSplunkAbsolute = compileStrptimeMatcher('%m/%d/%Y:%H:%M:%S');

/**
 * Compiles a time modifier: `now`, an epoch number (`0`, `1700000000.5`), an absolute time
 * (`10/19/2016:00:00:00` or ISO 8601, read in the zone unless it names one), or relative steps such as
 * `-70m@m`, `-1d@d`, `@w1`, `-24h@h+30m`. Throws SplError('bad-time-format') for anything else.
 */
export function compileTimeModifier(spec: string): TimeModifier {
  if (spec.toLowerCase() === 'now') return (now) => now;
  if (EPOCH_NUMBER.test(spec)) {
    const epoch = Number(spec);
    return () => epoch;
  }
  const absolute = absoluteTime(spec);
  if (absolute) return absolute;
  const steps = parseRelativeSteps(spec);
  return (now, zone) => steps.reduce((t, step) => applyStep(t, step, zone), now);
}

function applyStep(seconds: number, step: ModifierStep, zone: TimeZone): number {
  if (step.kind === 'offset') return applyOffset(seconds, step.amount, step.unit, zone);
  return snapDown(seconds, step.unit, step.weekday, zone);
}

/** An absolute time in Splunk's `%m/%d/%Y:%H:%M:%S` or ISO 8601 form, or undefined when `text` is neither. */
function absoluteTime(text: string): TimeModifier | undefined {
  const splunkForm = matchSplunkAbsolute(text, UTC);
  if (splunkForm && splunkForm.end === text.length) {
    return memoizedPerZone((zone) => matchSplunkAbsolute(text, zone)!.seconds);
  }
  if (/^\d{4}-/.test(text) && parseTimestamp(text, UTC) !== undefined) {
    return memoizedPerZone((zone) => parseTimestamp(text, zone)!);
  }
  return undefined;
}

/** A modifier that ignores "now": computed once per zone, as the result only depends on the zone. */
function memoizedPerZone(compute: (zone: TimeZone) => number): TimeModifier {
  let lastZone: TimeZone | undefined;
  let lastValue = 0;
  return (_now, zone) => {
    if (zone !== lastZone) {
      lastValue = compute(zone);
      lastZone = zone;
    }
    return lastValue;
  };
}

const MAX_CACHED_MODIFIERS = 256;
const modifierCache = new Map<string, TimeModifier>();

/** `relative_time(epochSeconds, spec)`: applies a modifier to a given time; compiled modifiers are cached. */
export function relativeTime(epochSeconds: number, spec: string, zone: TimeZone): number {
  let modifier = modifierCache.get(spec);
  if (modifier === undefined) {
    modifier = compileTimeModifier(spec);
    if (modifierCache.size >= MAX_CACHED_MODIFIERS) modifierCache.clear();
    modifierCache.set(spec, modifier);
  }
  return modifier(epochSeconds, zone);
}
