// Counting accumulators: events, values, and distinct values (as strings) with their frequency and first position.
import { scalarToString, type Scalar } from '../runtime/event.js';
import type { Accumulator, Position, StateColumn } from './types.js';

export interface Counter {
  n: number;
}

/** Counts as one Float64Array. */
const counterColumn: StateColumn<Counter> = {
  pack: (states) => Float64Array.from(states, (state) => state.n),
  unpack: (column, index) => ({ n: (column as Float64Array)[index]! }),
};

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
  column: counterColumn,
};

/** Counts values (`count(x)`): each value of a multivalue counts. */
export const valueCounter: Accumulator<Counter> = { ...eventCounter, id: 'values' };

/**
 * One distinct value (by its string form): a representative original value, how often it occurred, where first.
 * The representative does not depend on input order: a number beats a string beats a Boolean of the same text.
 */
export interface DistinctEntry {
  value: Scalar;
  count: number;
  ordinal: number;
  sub: number;
}

export type DistinctValues = Map<string, DistinctEntry>;

/** Which of two values of the same text a group or distinct entry shows: a number beats a string beats a Boolean. */
export const typeRank = (v: Scalar): number => (typeof v === 'number' ? 2 : typeof v === 'string' ? 1 : 0);

/** Fold another occurrence (count, first position, value) of the same text into an entry. */
function absorb(entry: DistinctEntry, value: Scalar, count: number, at: { ordinal: number; sub: number }): void {
  entry.count += count;
  if (typeRank(value) > typeRank(entry.value)) entry.value = value;
  if (seenBefore(at, entry)) {
    entry.ordinal = at.ordinal;
    entry.sub = at.sub;
  }
}

function seenBefore(a: { ordinal: number; sub: number }, b: { ordinal: number; sub: number }): boolean {
  return a.ordinal < b.ordinal || (a.ordinal === b.ordinal && a.sub < b.sub);
}

/** Heap bytes of one distinct entry beyond its key: the entry object and its Map slot (memory budget estimate). */
const DISTINCT_ENTRY_BYTES = 96;

/** Distinct values as strings ("1" and "1.0" differ), for dc, estdc, values and mode. Memory: one entry per distinct value. */
export const distinctValues: Accumulator<DistinctValues> = {
  id: 'distinct',
  numeric: false,
  timed: false,
  init: () => new Map(),
  add(state, value, _num, at: Position) {
    const key = scalarToString(value);
    const entry = state.get(key);
    if (entry) absorb(entry, value, 1, at);
    else {
      state.set(key, { value, count: 1, ordinal: at.ordinal, sub: at.sub });
      // The entry, its Map slot and the key string (the state keeps it alive after the event is gone).
      if (at.grown !== undefined) at.grown += DISTINCT_ENTRY_BYTES + 16 + key.length;
    }
  },
  merge(into, from) {
    for (const [key, other] of from) {
      const entry = into.get(key);
      if (!entry) {
        into.set(key, { ...other });
        continue;
      }
      absorb(entry, other.value, other.count, other);
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
