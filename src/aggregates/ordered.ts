// Position-aware accumulators: first/last value as seen, earliest/latest by _time, and the first 100 values (list).
import type { Scalar } from '../runtime/event.js';
import type { Accumulator, Position } from './types.js';

/** A value with where it was seen; `value` is undefined until one is. */
export interface Mark extends Position {
  value: Scalar | undefined;
}

const emptyMark = (): Mark => ({ value: undefined, ordinal: 0, sub: 0, time: NaN });

/** Input order of two positions (ordinal, then index within a multivalue). */
function inputOrder(a: Position, b: Position): number {
  return a.ordinal - b.ordinal || a.sub - b.sub;
}

/** Time order, ties broken by input order. */
function timeOrder(a: Position, b: Position): number {
  return a.time - b.time || inputOrder(a, b);
}

function setMark(mark: Mark, value: Scalar | undefined, at: Position): void {
  mark.value = value;
  mark.ordinal = at.ordinal;
  mark.sub = at.sub;
  mark.time = at.time;
}

export interface Bounds {
  low: Mark;
  high: Mark;
}

/** Keeps the lowest and the highest value under an order (ties: the first seen is lowest, the last seen highest). */
function boundsAccumulator(id: string, order: (a: Position, b: Position) => number, timed: boolean): Accumulator<Bounds> {
  const merge = (into: Bounds, from: Bounds): Bounds => {
    if (from.low.value !== undefined && (into.low.value === undefined || order(from.low, into.low) < 0)) setMark(into.low, from.low.value, from.low);
    if (from.high.value !== undefined && (into.high.value === undefined || order(from.high, into.high) > 0)) setMark(into.high, from.high.value, from.high);
    return into;
  };
  return {
    id,
    numeric: false,
    timed,
    init: () => ({ low: emptyMark(), high: emptyMark() }),
    add(state, value, _num, at) {
      if (timed && Number.isNaN(at.time)) return;
      if (state.low.value === undefined || order(at, state.low) < 0) setMark(state.low, value, at);
      if (state.high.value === undefined || order(at, state.high) >= 0) setMark(state.high, value, at);
    },
    merge,
  };
}

/** first/last: the first and last value in input order. */
export const inputBounds = boundsAccumulator('first-last', inputOrder, false);

/** earliest/latest (and their times, rate): the values of the oldest and newest events by _time; events without _time are skipped. */
export const timeBounds = boundsAccumulator('earliest-latest', timeOrder, true);

/** list(): at most this many values are kept. */
export const LIST_LIMIT = 100;

export interface ValueList {
  values: Scalar[];
  positions: Position[];
}

/** The first 100 values in input order (add is called in input order; merge interleaves by position). */
export const firstValues: Accumulator<ValueList> = {
  id: 'list',
  numeric: false,
  timed: false,
  init: () => ({ values: [], positions: [] }),
  add(state, value, _num, at) {
    if (state.values.length >= LIST_LIMIT) return;
    state.values.push(value);
    state.positions.push({ ordinal: at.ordinal, sub: at.sub, time: NaN });
    // The position object and two array slots (the value itself is the event's, shared).
    if (at.grown !== undefined) at.grown += 56;
  },
  merge(into, from) {
    const values: Scalar[] = [];
    const positions: Position[] = [];
    let i = 0;
    let j = 0;
    while (values.length < LIST_LIMIT && (i < into.values.length || j < from.values.length)) {
      const takeFrom = i >= into.values.length || (j < from.values.length && inputOrder(from.positions[j]!, into.positions[i]!) < 0);
      if (takeFrom) {
        values.push(from.values[j]!);
        positions.push(from.positions[j++]!);
      } else {
        values.push(into.values[i]!);
        positions.push(into.positions[i++]!);
      }
    }
    into.values = values;
    into.positions = positions;
    return into;
  },
};
