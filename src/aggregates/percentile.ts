// Median and percentiles over counted numbers: linear interpolation between closest ranks (perc50 of 1..10 = 5.5).
import type { NumberCounts } from './numeric.js';

/** The values in ascending order with cumulative counts, so the k-th smallest value is found by a search. */
interface Ranked {
  values: number[];
  /** ends[i] = number of values ≤ values[i]. */
  ends: number[];
  total: number;
}

function rank(counts: NumberCounts): Ranked {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const ends: number[] = [];
  let total = 0;
  for (const v of values) {
    total += counts.get(v)!;
    ends.push(total);
  }
  return { values, ends, total };
}

/** The k-th smallest value (0-based). */
function nth(r: Ranked, k: number): number {
  let lo = 0;
  let hi = r.ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.ends[mid]! > k) hi = mid;
    else lo = mid + 1;
  }
  return r.values[lo]!;
}

/** How a percentile between two ranks is chosen. */
export type PercentileMode = 'interpolate' | 'upper';

/**
 * The p-th percentile (0 ≤ p ≤ 100): at rank p/100 × (n − 1), interpolated linearly between the two closest
 * values ('interpolate', perc/exactperc) or the upper of them ('upper', upperperc). Undefined when there are no values.
 */
export function percentileOf(counts: NumberCounts, p: number, mode: PercentileMode): number | undefined {
  if (counts.size === 0) return undefined;
  const r = rank(counts);
  // The rank is p × (n − 1) / 100; keeping p × (n − 1) whole as long as possible makes perc95 of 1..10 exactly 9.55.
  const scaled = p * (r.total - 1);
  const below = Math.floor(scaled / 100);
  const fraction = (scaled - below * 100) / 100;
  if (fraction <= 0) return nth(r, below);
  const high = nth(r, below + 1);
  if (mode === 'upper') return high;
  const low = nth(r, below);
  return low + fraction * (high - low);
}

/** The middle value; with an even count the higher of the two middle values (Splunk's documented median). */
export function medianOf(counts: NumberCounts): number | undefined {
  if (counts.size === 0) return undefined;
  const r = rank(counts);
  return nth(r, Math.floor(r.total / 2));
}
