// The arithmetic of time modifier steps: offsets and snaps, done on wall-clock time in a zone.

import { daysFromCivil, daysInMonth } from './calendar.js';
import { localTimeAt, type LocalTime } from './local-time.js';
import type { TimeUnit } from './relative-parse.js';
import type { TimeZone } from './zone.js';

const FIXED_UNIT_SECONDS: Partial<Record<TimeUnit, number>> = { second: 1, minute: 60, hour: 3600 };
const UNIT_MONTHS: Partial<Record<TimeUnit, number>> = { month: 1, quarter: 3, year: 12 };

function localTimeOf(wholeSeconds: number, zone: TimeZone): LocalTime {
  return localTimeAt(wholeSeconds, zone.offsetMinutes(wholeSeconds * 1000));
}

/**
 * Moves a time by `amount` units. Seconds, minutes and hours are exact durations; days and weeks keep the
 * wall-clock time (so -1d across a DST change is 23 or 25 hours); months, quarters and years also keep the
 * wall-clock time and clamp the day to the target month's length (Mar 31 -1mon → Feb 28/29).
 */
export function applyOffset(seconds: number, amount: number, unit: TimeUnit, zone: TimeZone): number {
  const fixed = FIXED_UNIT_SECONDS[unit];
  if (fixed !== undefined) return seconds + amount * fixed;
  const whole = Math.floor(seconds);
  const fraction = seconds - whole;
  const t = localTimeOf(whole, zone);
  const months = UNIT_MONTHS[unit];
  let { year, month, day } = t;
  if (months === undefined) {
    day += amount * (unit === 'week' ? 7 : 1);
  } else {
    const monthIndex = year * 12 + month - 1 + amount * months;
    year = Math.floor(monthIndex / 12);
    month = monthIndex - year * 12 + 1;
    day = Math.min(day, daysInMonth(year, month));
  }
  const dayShift = daysFromCivil(year, month, 1) + day - 1 - daysFromCivil(t.year, t.month, t.day);
  return wallClockNear(zone, whole + dayShift * 86400, year, month, day, t.hour, t.minute, t.second) + fraction;
}

/** Snaps a time down to the start of a unit in local time; week snaps go back to the given weekday. */
export function snapDown(seconds: number, unit: TimeUnit, weekday: number, zone: TimeZone): number {
  const whole = Math.floor(seconds);
  if (unit === 'second') return whole;
  const t = localTimeOf(whole, zone);
  switch (unit) {
    case 'minute':
      return wallClockNear(zone, whole - t.second, t.year, t.month, t.day, t.hour, t.minute, 0);
    case 'hour':
      return wallClockNear(zone, whole - t.second - t.minute * 60, t.year, t.month, t.day, t.hour, 0, 0);
    case 'day':
      return startOfDay(zone, t.year, t.month, t.day);
    case 'week':
      return startOfDay(zone, t.year, t.month, t.day - ((t.weekday - weekday + 7) % 7));
    case 'month':
      return startOfDay(zone, t.year, t.month, 1);
    case 'quarter':
      return startOfDay(zone, t.year, t.month - ((t.month - 1) % 3), 1);
    case 'year':
      return startOfDay(zone, t.year, 1, 1);
  }
}

function startOfDay(zone: TimeZone, year: number, month: number, day: number): number {
  return zone.localToEpochMs(year, month, day, 0, 0, 0, 0) / 1000;
}

/**
 * The instant of a wall-clock time, preferring `guessSeconds` when it shows exactly that wall-clock time (which
 * keeps the current offset inside a repeated hour); otherwise the zone's resolution (earlier / shift forward).
 */
function wallClockNear(
  zone: TimeZone, guessSeconds: number, year: number, month: number, day: number, hour: number, minute: number,
  second: number,
): number {
  const guess = localTimeOf(guessSeconds, zone);
  const sameWallClock = guess.year === year && guess.month === month && guess.day === day &&
    guess.hour === hour && guess.minute === minute && guess.second === second;
  if (sameWallClock) return guessSeconds;
  return zone.localToEpochMs(year, month, day, hour, minute, second, 0) / 1000;
}
