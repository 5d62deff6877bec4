// The aggregation contracts: mergeable accumulators (init/add/merge) and functions that read a result from their state.
import type { FieldValue, Scalar } from '../runtime/event.js';

/** Where a value comes from: the event's ordinal in the input, the value's index in a multivalue, the event's _time. */
export interface Position {
  ordinal: number;
  sub: number;
  /** The event's `_time` as a number; NaN when missing (or when no function needs it). */
  time: number;
  /**
   * Bytes the accumulators added to their states so far (a new distinct value, a list entry, a new number), when
   * the caller counts them (the memory budget of stats and eventstats); accumulators that grow add to it.
   */
  grown?: number;
}

/**
 * A mergeable partial state over a stream of values. `add` mutates the state; `merge` folds `from` (a state built
 * over other events) into `into` and returns it. Adding every value in one pass and merging the states of any
 * partition of the input give the same state (positions keep first/last/list/earliest/latest exact).
 */
export interface Accumulator<S> {
  /** Identity for sharing: functions whose accumulators have the same id on the same input share one state. */
  id: string;
  /** True when `add` reads the numeric reading `num` (computed once per value for all accumulators). */
  numeric: boolean;
  /** True when `add` reads `at.time`. */
  timed: boolean;
  init(): S;
  add(state: S, value: Scalar, num: number, at: Position): void;
  merge(into: S, from: S): S;
  /** A compact form of many states (e.g. one typed array) to cross threads; without one, the states go as they are. */
  column?: StateColumn<S>;
}

/** Many states of one accumulator as one value that structured cloning copies cheaply, and back. */
export interface StateColumn<S> {
  pack(states: readonly S[]): unknown;
  unpack(column: unknown, index: number): S;
}

/** An aggregate function: an accumulator plus how to read the function's result from its state (pure). */
export interface AggregateFunction<S = unknown> {
  accumulator: Accumulator<S>;
  /** The result; over a fresh state (no values) count-like functions give 0 and the others nothing. */
  result(state: S): FieldValue | undefined;
}

/** A list of values as a field value: none → nothing, one → that scalar, more → a multivalue. */
export function listValue(values: Scalar[]): FieldValue | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0]! : values;
}

/** A computed number as a field value: NaN and infinities (e.g. 0/0) give no value. */
export function numberValue(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}
