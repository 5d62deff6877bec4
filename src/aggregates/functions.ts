// The stats function library: each SPL aggregate name mapped to a shared accumulator and a result reader.
import { compareUtf8 } from '../search/utf8-order.js';
import { toNumber, type FieldValue } from '../runtime/event.js';
import { distinctValues, eventCounter, modeOf, valueCounter, type Counter, type DistinctValues } from './counting.js';
import { extremes, moments, numberCounts, varianceOf, type Extremes, type Moments, type NumberCounts } from './numeric.js';
import { firstValues, inputBounds, timeBounds, type Bounds, type ValueList } from './ordered.js';
import { medianOf, percentileOf, type PercentileMode } from './percentile.js';
import { listValue, numberValue, type Accumulator, type AggregateFunction } from './types.js';

function fn<S>(accumulator: Accumulator<S>, result: (state: S) => FieldValue | undefined): AggregateFunction {
  return { accumulator, result } as AggregateFunction;
}

const ifAny = (m: Moments, value: number): number | undefined => (m.n === 0 ? undefined : value);

const countValues = fn(valueCounter, (s: Counter) => s.n);
const distinctCount = fn(distinctValues, (s: DistinctValues) => s.size);
const average = fn(moments, (s: Moments) => ifAny(s, s.sum / s.n));

function deviation(sample: boolean, root: boolean): AggregateFunction {
  return fn(moments, (s: Moments) => {
    const v = varianceOf(s, sample);
    return v === undefined ? undefined : root ? Math.sqrt(v) : v;
  });
}

function sortedValues(s: DistinctValues): FieldValue | undefined {
  const keys = [...s.keys()].sort(compareUtf8);
  return listValue(keys.map((k) => s.get(k)!.value));
}

/** rate(x): (latest(x) − earliest(x)) / (latest_time(x) − earliest_time(x)); needs numeric values and two times. */
function rateOf(s: Bounds): number | undefined {
  if (s.low.value === undefined || s.high.value === undefined) return undefined;
  return numberValue((toNumber(s.high.value) - toNumber(s.low.value)) / (s.high.time - s.low.time));
}

/** Functions by lower-cased name (perc<N> and friends are matched separately). `count` without a field is EVENT_COUNT. */
const FUNCTIONS = new Map<string, AggregateFunction>([
  ['count', countValues],
  ['c', countValues],
  ['dc', distinctCount],
  ['distinct_count', distinctCount],
  ['estdc', distinctCount],
  ['sum', fn(moments, (s: Moments) => ifAny(s, s.sum))],
  ['sumsq', fn(moments, (s: Moments) => ifAny(s, s.sumsq))],
  ['avg', average],
  ['mean', average],
  ['min', fn(extremes, (s: Extremes) => (s.numbers > 0 ? s.minNum : s.minText))],
  ['max', fn(extremes, (s: Extremes) => s.maxText ?? (s.numbers > 0 ? s.maxNum : undefined))],
  ['range', fn(extremes, (s: Extremes) => (s.numbers > 0 ? s.maxNum - s.minNum : undefined))],
  ['stdev', deviation(true, true)],
  ['stdevp', deviation(false, true)],
  ['var', deviation(true, false)],
  ['varp', deviation(false, false)],
  ['median', fn(numberCounts, medianOf)],
  ['mode', fn(distinctValues, modeOf)],
  ['values', fn(distinctValues, sortedValues)],
  ['list', fn(firstValues, (s: ValueList) => listValue(s.values))],
  ['first', fn(inputBounds, (s: Bounds) => s.low.value)],
  ['last', fn(inputBounds, (s: Bounds) => s.high.value)],
  ['earliest', fn(timeBounds, (s: Bounds) => s.low.value)],
  ['latest', fn(timeBounds, (s: Bounds) => s.high.value)],
  ['earliest_time', fn(timeBounds, (s: Bounds) => (s.low.value === undefined ? undefined : s.low.time))],
  ['latest_time', fn(timeBounds, (s: Bounds) => (s.high.value === undefined ? undefined : s.high.time))],
  ['rate', fn(timeBounds, rateOf)],
]);

/** Bare `count`: the number of events. */
export const EVENT_COUNT = fn(eventCounter, (s: Counter) => s.n);

/** All function names, for "did you mean" hints. */
export const AGGREGATE_FUNCTION_NAMES = [...FUNCTIONS.keys(), 'perc<N>', 'p<N>', 'exactperc<N>', 'upperperc<N>', 'sparkline'];

const PERCENTILE_NAME = /^(perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

/** A percentile function name's mode and percent, or a message when the percent is out of range; null if not one. */
export function percentileFunction(lowerName: string): AggregateFunction | string | null {
  const m = PERCENTILE_NAME.exec(lowerName);
  if (!m) return null;
  const percent = Number(m[2]);
  if (percent > 100) return `the percentile in ${lowerName} must be between 0 and 100`;
  const mode: PercentileMode = m[1] === 'upperperc' ? 'upper' : 'interpolate';
  return fn(numberCounts, (s: NumberCounts) => percentileOf(s, percent, mode));
}

/** The function for a lower-cased name (not percentiles), or undefined. */
export function namedFunction(lowerName: string): AggregateFunction | undefined {
  return FUNCTIONS.get(lowerName);
}
