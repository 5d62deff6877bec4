// Conversions between UTC instants and local wall-clock times, given a zone's offset function.

import { civilFromDays, daysFromCivil, SECONDS_PER_DAY, weekdayOfDays } from './calendar.js';

const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** A wall-clock time of some zone, broken down into calendar fields. */
export interface LocalTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** The zone's offset from UTC at this instant, in minutes (east positive). */
  offsetMinutes: number;
}

/** Milliseconds of a wall-clock time counted as if it were UTC; month and lower fields may overflow. */
export function wallClockMs(
  year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number,
): number {
  const monthIndex = month - 1;
  const normalizedYear = year + Math.floor(monthIndex / 12);
  const normalizedMonth = (((monthIndex % 12) + 12) % 12) + 1;
  const days = daysFromCivil(normalizedYear, normalizedMonth, 1) + day - 1;
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Breaks a whole-second instant down into the local fields of a zone with the given offset there. */
export function localTimeAt(epochSeconds: number, offsetMinutes: number): LocalTime {
  const localSeconds = epochSeconds + Math.round(offsetMinutes * 60);
  const days = Math.floor(localSeconds / SECONDS_PER_DAY);
  const secondOfDay = localSeconds - days * SECONDS_PER_DAY;
  const date = civilFromDays(days);
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    weekday: weekdayOfDays(days),
    offsetMinutes,
  };
}

/**
 * The UTC instant of a wall-clock time (given as `wallMs`, see `wallClockMs`) in a zone with offsets `offsetAt`.
 * Ambiguous times (a repeated hour when clocks go back) resolve to the EARLIER instant; times inside a gap
 * (clocks go forward) are shifted forward by the gap's length, e.g. 02:30 on a spring-forward night → 03:30.
 * Assumes at most one offset change within a day of the time, as in every real zone.
 */
export function resolveWallClock(wallMs: number, offsetAt: (epochMs: number) => number): number {
  const offsetBefore = offsetAt(wallMs - MS_PER_DAY);
  const offsetAfter = offsetAt(wallMs + MS_PER_DAY);
  const withBefore = wallMs - Math.round(offsetBefore * 60) * 1000;
  const withAfter = wallMs - Math.round(offsetAfter * 60) * 1000;
  const beforeFits = offsetAt(withBefore) === offsetBefore;
  const afterFits = offsetAt(withAfter) === offsetAfter;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  return withBefore;
}
