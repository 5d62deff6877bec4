// Counting accumulators: events, values, and distinct values (as strings) with their frequency and first position.
import { scalarToString, type Scalar } from '../runtime/event.js';
import type { Accumulator, Position } from './types.js';

export interface Counter {
  n: number;
}

/** Counts the events (bare `count`): fed once per event. */
export const eventCounter: Accumulator<Counter> = {
  id: 'events',
  numeric: false,
  timed: false,
  init: () => ({ n: 0 }),
  add: (state) => void state.n++,
  merge: (into, from) => {
    into.n += from.n;
    return into;
  },
};

/** Counts values (`count(x)`): each value of a multivalue counts. */
export const valueCounter: Accumulator<Counter> = { ...eventCounter, id: 'values' };

/** One distinct value (by its string form): the first-seen original value, how often it occurred, where first. */
export interface DistinctEntry {
  value: Scalar;
  count: number;
  ordinal: number;
  sub: number;
}

export type DistinctValues = Map<string, DistinctEntry>;

function seenBefore(a: { ordinal: number; sub: number }, b: { ordinal: number; sub: number }): boolean {
  return a.ordinal < b.ordinal || (a.ordinal === b.ordinal && a.sub < b.sub);
}

/** Distinct values as strings ("1" and "1.0" differ), for dc, estdc, values and mode. Memory: one entry per distinct value. */
export const distinctValues: Accumulator<DistinctValues> = {
  id: 'distinct',
  numeric: false,
  timed: false,
  init: () => new Map(),
  add(state, value, _num, at: Position) {
    const key = scalarToString(value);
    const entry = state.get(key);
    if (entry) {
      entry.count++;
      if (seenBefore(at, entry)) Object.assign(entry, { value, ordinal: at.ordinal, sub: at.sub });
    } else {
      state.set(key, { value, count: 1, ordinal: at.ordinal, sub: at.sub });
    }
  },
  merge(into, from) {
    for (const [key, other] of from) {
      const entry = into.get(key);
      if (!entry) {
        into.set(key, { ...other });
        continue;
      }
      entry.count += other.count;
      if (seenBefore(other, entry)) Object.assign(entry, { value: other.value, ordinal: other.ordinal, sub: other.sub });
    }
    return into;
  },
};

/** The most frequent value; ties go to the value seen first. */
export function modeOf(state: DistinctValues): Scalar | undefined {
  let best: DistinctEntry | undefined;
  for (const entry of state.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && seenBefore(entry, best))) best = entry;
  }
  return best?.value;
}
