// Choosing a bin span from the data when only `bins=` (default 100) is given: nice time spans, or powers of ten.
import type { BinSpan } from './bin-span.js';

/** Splunk's automatic time spans, smallest first (seconds); a day and a month use calendar bins. */
const TIME_SPANS_SECONDS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600];
const DAY = 86400;
const MONTH = 30 * DAY;

export interface AutoSpanInput {
  min: number;
  max: number;
  bins: number;
  /** The smallest span allowed (seconds for time, a number otherwise); 0 when not given. */
  minSpan: number;
}

/** The smallest nice time span that covers [min, max] with at most `bins` bins. */
export function autoTimeSpan({ min, max, bins, minSpan }: AutoSpanInput): BinSpan {
  const range = max - min;
  const fits = (seconds: number) => seconds >= minSpan && range / seconds <= bins;
  const seconds = TIME_SPANS_SECONDS.find(fits);
  if (seconds !== undefined) return { kind: 'seconds', seconds };
  if (fits(DAY)) return { kind: 'days', days: 1 };
  const months = Math.max(1, Math.ceil(Math.max(range / bins, minSpan) / MONTH));
  return { kind: 'months', months };
}

/** The smallest power of ten that covers [min, max] with at most `bins` bins (at least `minSpan`). */
export function autoNumberSpan({ min, max, bins, minSpan }: AutoSpanInput): BinSpan {
  const range = max - min;
  let size = range > 0 ? 10 ** Math.ceil(Math.log10(range / bins)) : 1;
  // Guard against log10 rounding: step up while the bins still overflow.
  while (range / size > bins) size *= 10;
  while (size < minSpan) size *= 10;
  return { kind: 'number', size };
}
