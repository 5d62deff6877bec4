// The per-specifier output functions of strftime, over a broken-down local time.

import { dayOfYear, isoWeek, MONTH_NAMES, weekOfYear, WEEKDAY_NAMES } from './calendar.js';
import type { LocalTime } from './local-time.js';
import type { TimeZone } from './zone.js';

/** Everything an output function may need about the instant being formatted. */
export interface FormatContext {
  local: LocalTime;
  /** Whole epoch seconds (floored). */
  wholeSeconds: number;
  /** The fraction as 9 digits; only filled when the format prints a fraction. */
  nanoDigits: string;
  zone: TimeZone;
}

/** A number printed with a fixed width and pad character (`-` flag: no padding). */
export interface NumericField {
  width: number;
  pad: '0' | ' ';
  value: (local: LocalTime) => number;
}

const hour12 = (local: LocalTime): number => local.hour % 12 || 12;
const yearDay = (local: LocalTime): number => dayOfYear(local.year, local.month, local.day);

export const NUMERIC_FIELDS: Record<string, NumericField> = {
  Y: { width: 4, pad: '0', value: (t) => t.year },
  C: { width: 2, pad: '0', value: (t) => Math.floor(t.year / 100) },
  y: { width: 2, pad: '0', value: (t) => ((t.year % 100) + 100) % 100 },
  G: { width: 4, pad: '0', value: (t) => isoWeek(t.year, t.month, t.day).isoYear },
  g: { width: 2, pad: '0', value: (t) => ((isoWeek(t.year, t.month, t.day).isoYear % 100) + 100) % 100 },
  m: { width: 2, pad: '0', value: (t) => t.month },
  d: { width: 2, pad: '0', value: (t) => t.day },
  e: { width: 2, pad: ' ', value: (t) => t.day },
  j: { width: 3, pad: '0', value: yearDay },
  H: { width: 2, pad: '0', value: (t) => t.hour },
  k: { width: 2, pad: ' ', value: (t) => t.hour },
  I: { width: 2, pad: '0', value: hour12 },
  l: { width: 2, pad: ' ', value: hour12 },
  M: { width: 2, pad: '0', value: (t) => t.minute },
  S: { width: 2, pad: '0', value: (t) => t.second },
  u: { width: 1, pad: '0', value: (t) => t.weekday || 7 },
  w: { width: 1, pad: '0', value: (t) => t.weekday },
  V: { width: 2, pad: '0', value: (t) => isoWeek(t.year, t.month, t.day).week },
  U: { width: 2, pad: '0', value: (t) => weekOfYear(yearDay(t), t.weekday) },
  W: { width: 2, pad: '0', value: (t) => weekOfYear(yearDay(t), (t.weekday + 6) % 7) },
};

export const TEXT_FIELDS: Record<string, (context: FormatContext) => string> = {
  a: (c) => WEEKDAY_NAMES[c.local.weekday]!.slice(0, 3),
  A: (c) => WEEKDAY_NAMES[c.local.weekday]!,
  b: (c) => MONTH_NAMES[c.local.month - 1]!.slice(0, 3),
  B: (c) => MONTH_NAMES[c.local.month - 1]!,
  p: (c) => (c.local.hour < 12 ? 'AM' : 'PM'),
  P: (c) => (c.local.hour < 12 ? 'am' : 'pm'),
  s: (c) => String(c.wholeSeconds),
  Z: (c) => c.zone.abbreviation(c.wholeSeconds * 1000),
  Ez: (c) => (c.local.offsetMinutes < 0 ? '-' : '+') + String(Math.trunc(Math.abs(c.local.offsetMinutes))),
  n: () => '\n',
  t: () => '\t',
};
