// Parses Splunk relative time modifiers (`-7d@w1`, `@d+8h`) into offset and snap steps.

import { SplError } from '../errors.js';

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** One step of a modifier: move by `amount` units, or snap down to the start of a unit in local time. */
export type ModifierStep =
  | { kind: 'offset'; amount: number; unit: TimeUnit }
  | { kind: 'snap'; unit: TimeUnit; /** For week snaps: 0 = Sunday .. 6 = Saturday. */ weekday: number };

const UNIT_BY_NAME: Record<string, TimeUnit> = {};
const UNIT_SPELLINGS: Record<TimeUnit, string[]> = {
  second: ['s', 'sec', 'secs', 'second', 'seconds'],
  minute: ['m', 'min', 'mins', 'minute', 'minutes'],
  hour: ['h', 'hr', 'hrs', 'hour', 'hours'],
  day: ['d', 'day', 'days'],
  week: ['w', 'week', 'weeks'],
  month: ['mon', 'month', 'months'],
  quarter: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  year: ['y', 'yr', 'yrs', 'year', 'years'],
};
for (const [unit, names] of Object.entries(UNIT_SPELLINGS)) {
  for (const name of names) UNIT_BY_NAME[name] = unit as TimeUnit;
}

const OFFSET = /([+-])(\d*)([a-zA-Z]+)/y;
const SNAP = /@([a-zA-Z]+)(\d*)/y;

/** Parses the relative part of a modifier; throws SplError('bad-time-format') with a span into `spec`. */
export function parseRelativeSteps(spec: string): ModifierStep[] {
  if (spec === '') throw badModifier(spec, 0, 'it is empty');
  const steps: ModifierStep[] = [];
  let pos = 0;
  while (pos < spec.length) {
    OFFSET.lastIndex = pos;
    SNAP.lastIndex = pos;
    const offset = OFFSET.exec(spec);
    const snap = offset ? null : SNAP.exec(spec);
    const match = offset ?? snap;
    if (!match) throw badModifier(spec, pos, 'expected an offset like -1d or a snap like @d');
    const unit = unitOf(match[offset ? 3 : 1]!, spec, pos, match[0].length);
    if (offset) {
      const amount = offset[2] === '' ? 1 : Number(offset[2]);
      steps.push({ kind: 'offset', amount: offset[1] === '-' ? -amount : amount, unit });
    } else {
      steps.push({ kind: 'snap', unit, weekday: snapWeekday(unit, snap![2]!, spec, pos, match[0].length) });
    }
    pos += match[0].length;
  }
  return steps;
}

function unitOf(name: string, spec: string, pos: number, length: number): TimeUnit {
  const unit = UNIT_BY_NAME[name.toLowerCase()];
  if (unit === undefined) throw badModifier(spec, pos, `unknown time unit "${name}"`, length);
  return unit;
}

/** `@w`/`@w0`/`@w7` snap to Sunday, `@w1` to Monday, ...; digits are only allowed after a week unit. */
function snapWeekday(unit: TimeUnit, digits: string, spec: string, pos: number, length: number): number {
  if (digits === '') return 0;
  const weekday = Number(digits);
  if (unit !== 'week' || weekday > 7) {
    throw badModifier(spec, pos, `bad snap unit "${spec.slice(pos + 1, pos + length)}"`, length);
  }
  return weekday % 7;
}

function badModifier(spec: string, pos: number, reason: string, length = spec.length - pos): SplError {
  const span = { start: pos, end: pos + length };
  return new SplError('bad-time-format', `invalid time modifier "${spec}": ${reason}`, span, [
    'use now, an epoch number, %m/%d/%Y:%H:%M:%S, or [+|-]<number><unit>[@<unit>] such as -24h@h or -7d@w1',
  ]);
}
