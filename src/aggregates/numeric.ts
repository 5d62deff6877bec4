// Numeric accumulators: moments (count, sums, variance), extremes (min/max over numbers and strings), value counts for percentiles.
import { compareUtf8 } from '../search/utf8-order.js';
import { scalarToString } from '../runtime/event.js';
import type { Accumulator } from './types.js';

/**
 * Count and sums of the numeric values. `sum`/`sumsq` are plain running sums in input order (as Splunk's
 * `avg` of 100 × 3.99 = 3.9900000000000055 shows); variance uses sums of differences from the first value (`shift`),
 * which avoids cancellation on large values such as epoch times.
 */
export interface Moments {
  n: number;
  sum: number;
  sumsq: number;
  shift: number;
  dsum: number;
  dsq: number;
}

export const moments: Accumulator<Moments> = {
  id: 'moments',
  numeric: true,
  timed: false,
  init: () => ({ n: 0, sum: 0, sumsq: 0, shift: 0, dsum: 0, dsq: 0 }),
  add(state, _value, num) {
    if (Number.isNaN(num)) return;
    if (state.n === 0) state.shift = num;
    state.n++;
    state.sum += num;
    state.sumsq += num * num;
    const d = num - state.shift;
    state.dsum += d;
    state.dsq += d * d;
  },
  merge(into, from) {
    if (from.n === 0) return into;
    if (into.n === 0) return Object.assign(into, from);
    // Re-express `from`'s differences relative to `into`'s shift: x - a = (x - b) + (b - a).
    const d = from.shift - into.shift;
    into.dsq += from.dsq + 2 * d * from.dsum + from.n * d * d;
    into.dsum += from.dsum + from.n * d;
    into.n += from.n;
    into.sum += from.sum;
    into.sumsq += from.sumsq;
    return into;
  },
};

/** Sample (n-1) or population (n) variance; one value gives 0; no values give undefined. */
export function varianceOf(state: Moments, sample: boolean): number | undefined {
  if (state.n === 0) return undefined;
  if (state.n === 1) return 0;
  const squares = state.dsq - (state.dsum * state.dsum) / state.n;
  return Math.max(0, squares) / (sample ? state.n - 1 : state.n);
}

/** Smallest and greatest number, and smallest and greatest non-numeric value (as text, UTF-8 byte order). */
export interface Extremes {
  numbers: number;
  minNum: number;
  maxNum: number;
  minText: string | undefined;
  maxText: string | undefined;
}

export const extremes: Accumulator<Extremes> = {
  id: 'extremes',
  numeric: true,
  timed: false,
  init: () => ({ numbers: 0, minNum: NaN, maxNum: NaN, minText: undefined, maxText: undefined }),
  add(state, value, num) {
    if (!Number.isNaN(num)) {
      if (state.numbers === 0 || num < state.minNum) state.minNum = num;
      if (state.numbers === 0 || num > state.maxNum) state.maxNum = num;
      state.numbers++;
      return;
    }
    const text = scalarToString(value);
    if (state.minText === undefined || compareUtf8(text, state.minText) < 0) state.minText = text;
    if (state.maxText === undefined || compareUtf8(text, state.maxText) > 0) state.maxText = text;
  },
  merge(into, from) {
    if (from.numbers > 0) {
      if (into.numbers === 0 || from.minNum < into.minNum) into.minNum = from.minNum;
      if (into.numbers === 0 || from.maxNum > into.maxNum) into.maxNum = from.maxNum;
      into.numbers += from.numbers;
    }
    if (from.minText !== undefined && (into.minText === undefined || compareUtf8(from.minText, into.minText) < 0)) into.minText = from.minText;
    if (from.maxText !== undefined && (into.maxText === undefined || compareUtf8(from.maxText, into.maxText) > 0)) into.maxText = from.maxText;
    return into;
  },
};

/** How often each distinct number occurred (for median and percentiles). Memory: one entry per distinct number. */
export type NumberCounts = Map<number, number>;

export const numberCounts: Accumulator<NumberCounts> = {
  id: 'number-counts',
  numeric: true,
  timed: false,
  init: () => new Map(),
  add(state, _value, num, at) {
    if (Number.isNaN(num)) return;
    const count = state.get(num);
    state.set(num, (count ?? 0) + 1);
    // A new key: its Map slot and boxed number.
    if (count === undefined && at.grown !== undefined) at.grown += 56;
  },
  merge(into, from) {
    for (const [num, count] of from) into.set(num, (into.get(num) ?? 0) + count);
    return into;
  },
};
