// Bin spans: parse `span=` text (`5m`, `1d`, `2mon`, `10`, `2log10`) and turn a span into a function from value to bin.
import type { Span } from '../ast.js';
import { SplError } from '../errors.js';
import { numberToString, type Scalar } from '../runtime/event.js';
import { civilFromDays } from '../time/calendar.js';
import type { TimeZone } from '../time/zone.js';

/** A parsed span: a fixed number of seconds, whole local days or months, a plain number, or a log scale. */
export type BinSpan =
  | { kind: 'seconds'; seconds: number }
  | { kind: 'days'; days: number }
  | { kind: 'months'; months: number }
  | { kind: 'number'; size: number }
  | { kind: 'log'; coefficient: number; base: number };

const UNIT_SECONDS: Record<string, number> = {
  us: 1e-6, ms: 1e-3, cs: 1e-2, ds: 1e-1,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
};
const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, w: 7, week: 7, weeks: 7 };
const UNIT_MONTHS: Record<string, number> = {
  mon: 1, month: 1, months: 1, q: 3, qtr: 3, qtrs: 3, quarter: 3, quarters: 3, y: 12, yr: 12, yrs: 12, year: 12, years: 12,
};

const TIME_SPAN = /^(\d*\.?\d+)?([a-z]+)$/i;
const NUMBER_SPAN = /^\d*\.?\d+(?:[eE][+-]?\d+)?$/;
const LOG_SPAN = /^(\d*\.?\d+)?log(\d*\.?\d+)?$/i;

/** Parse a span; `valueSpan` locates errors. */
export function parseBinSpan(text: string, valueSpan: Span): BinSpan {
  const bad = (why: string) => new SplError('bad-argument', `bin: invalid span "${text}": ${why}`, valueSpan);
  if (NUMBER_SPAN.test(text)) {
    const size = Number(text);
    if (!(size > 0)) throw bad('it must be greater than 0');
    return { kind: 'number', size };
  }
  const log = LOG_SPAN.exec(text);
  if (log) {
    const coefficient = log[1] === undefined ? 1 : Number(log[1]);
    const base = log[2] === undefined ? 10 : Number(log[2]);
    if (!(base > 1) || !(coefficient >= 1 && coefficient < base)) throw bad('a log span needs base > 1 and 1 <= coefficient < base');
    return { kind: 'log', coefficient, base };
  }
  const m = TIME_SPAN.exec(text);
  if (!m) throw bad('expected a number with an optional time unit (s, m, h, d, w, mon...)');
  const amount = m[1] === undefined ? 1 : Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (!(amount > 0)) throw bad('it must be greater than 0');
  if (UNIT_SECONDS[unit] !== undefined) return { kind: 'seconds', seconds: amount * UNIT_SECONDS[unit]! };
  const wholeAmount = (kind: string): number => {
    if (!Number.isInteger(amount)) throw bad(`${kind} spans must be whole numbers`);
    return amount;
  };
  if (UNIT_DAYS[unit] !== undefined) return { kind: 'days', days: wholeAmount('day') * UNIT_DAYS[unit]! };
  if (UNIT_MONTHS[unit] !== undefined) return { kind: 'months', months: wholeAmount('month') * UNIT_MONTHS[unit]! };
  throw bad(`unknown time unit "${m[2]}"`);
}

/** True when the span has a time unit (the field is then read as epoch seconds). */
export function isTimeSpan(span: BinSpan): boolean {
  return span.kind === 'seconds' || span.kind === 'days' || span.kind === 'months';
}

/** Products like 3 * 0.1 print as 0.3, not 0.30000000000000004. */
const tidy = (n: number): number => Number(n.toPrecision(15));

export interface BinnerOptions {
  zone: TimeZone;
  /** For second-based spans: bins start at this epoch time (default 0, i.e. aligned to the epoch). */
  alignTime: number;
  /** Treat a plain-number span as seconds (binning `_time`). */
  timeField: boolean;
}

/** The bin of a numeric value: epoch start for time spans, a `lo-hi` label for numeric and log spans. */
export function compileBinner(span: BinSpan, opts: BinnerOptions): (v: number) => Scalar | undefined {
  switch (span.kind) {
    case 'number':
      if (opts.timeField) return compileBinner({ kind: 'seconds', seconds: span.size }, opts);
      return (v) => {
        const lo = tidy(Math.floor(v / span.size) * span.size);
        return `${numberToString(lo)}-${numberToString(tidy(lo + span.size))}`;
      };
    case 'log':
      return (v) => {
        if (!(v > 0)) return undefined;
        const exponent = Math.floor(Math.log(v / span.coefficient) / Math.log(span.base) + 1e-12);
        const lo = tidy(span.coefficient * span.base ** exponent);
        return `${numberToString(lo)}-${numberToString(tidy(lo * span.base))}`;
      };
    case 'seconds': {
      const { seconds } = span;
      const align = opts.alignTime;
      return (t) => tidy(Math.floor((t - align) / seconds) * seconds + align);
    }
    case 'days':
      return (t) => {
        const localDays = Math.floor((t + opts.zone.offsetMinutes(t * 1000) * 60) / 86400);
        const start = civilFromDays(Math.floor(localDays / span.days) * span.days);
        return opts.zone.localToEpochMs(start.year, start.month, start.day, 0, 0, 0, 0) / 1000;
      };
    case 'months':
      return (t) => {
        const localDays = Math.floor((t + opts.zone.offsetMinutes(t * 1000) * 60) / 86400);
        const date = civilFromDays(localDays);
        const monthIndex = (date.year - 1970) * 12 + date.month - 1;
        const binStart = Math.floor(monthIndex / span.months) * span.months;
        const year = 1970 + Math.floor(binStart / 12);
        return opts.zone.localToEpochMs(year, binStart - (year - 1970) * 12 + 1, 1, 0, 0, 0, 0) / 1000;
      };
  }
}
