// compileAggregation: a stats-style command's aggregates and BY fields compiled once into mergeable per-group states.
import type { StatsCommand } from '../ast.js';
import type { EvalCompileContext } from '../eval/index.js';
import { toNumber, type Event, type Scalar } from '../runtime/event.js';
import { planAggregates, type Input } from './plan.js';
import type { FieldStates } from './wildcard.js';
import type { Accumulator, Position } from './types.js';
import { eventCounter, type Counter } from './counting.js';

/** The partial result of one group: its BY values and one state per shared accumulator slot. */
export interface Group {
  byValues: Scalar[];
  states: unknown[];
  /** Per wildcard aggregate: its states by input field name. */
  fieldStates: FieldStates[];
}

/** The states of many groups as columns, to cross threads cheaply: per slot one column, per wildcard aggregate one list. */
export interface PackedStates {
  slots: unknown[];
  fieldStates: FieldStates[][];
}

/** The compiled aggregation; see docs/stats.md for how stats, eventstats and a parallel runner use it. */
export interface Aggregation {
  byFields: string[];
  /** Output columns: BY fields, then aggregates in written order (a wildcard aggregate as its name pattern, e.g. `*`). */
  columns: string[];
  /** Input fields read; null when a wildcard or an eval argument may read any field. */
  reads: string[] | null;
  /** Whether duplicate values of a multivalue BY field are removed before splitting. */
  dedupSplitValues: boolean;
  /** Whether every output is a bare `count` (state 0 of a group is then its Counter, and nothing else is read). */
  countsOnly: boolean;
  newGroup(byValues: Scalar[]): Group;
  /** Feed one event into a group; `ordinal` is the event's position in the whole input (for first/last/list). */
  addEvent(group: Group, ev: Event, ordinal: number): void;
  /** Fold `from` (built over other events) into `into`; the result equals one pass over both inputs. */
  mergeGroups(into: Group, from: Group): Group;
  /** The groups' states as columns (compact where the accumulator has a column form). */
  packStates(groups: readonly Group[]): PackedStates;
  /** Group `index` of packed states, with these BY values. */
  unpackGroup(byValues: Scalar[], packed: PackedStates, index: number): Group;
  /** Fold group `index` of packed states (built over other events) into `into`. */
  mergePacked(into: Group, packed: PackedStates, index: number): void;
  /** Bytes the states grew by so far with new values (distinct values, lists, numbers), for the memory budget. */
  grownBytes(): number;
  /** Write the group's BY values and aggregate results into `out`, in column order. */
  writeRow(group: Group, out: Event): void;
}

function readTime(ev: Event): number {
  const t = ev.get('_time');
  if (t === undefined) return NaN;
  const first = Array.isArray(t) ? t[0]! : t;
  return typeof first === 'boolean' ? NaN : toNumber(first);
}

function packColumn(accumulator: Accumulator<unknown>, states: unknown[]): unknown {
  return accumulator.column ? accumulator.column.pack(states) : states;
}

function unpackState(accumulator: Accumulator<unknown>, column: unknown, index: number): unknown {
  return accumulator.column ? accumulator.column.unpack(column, index) : (column as unknown[])[index];
}

const NO_FIELD_STATES: FieldStates[] = [];

export interface AggregationOptions {
  /** Remove duplicate values of a multivalue BY field before splitting (`dedup_splitvals=true`). */
  dedupSplitValues: boolean;
}

export function compileAggregation(node: StatsCommand, ctx: { evalContext: EvalCompileContext }, options: AggregationOptions): Aggregation {
  const byFields = node.by.map((f) => f.name);
  const { inputs, accumulators, outputs, wildcards, reads } = planAggregates(node.aggregates, byFields, ctx.evalContext);
  const timed = accumulators.some((a) => a.timed) || wildcards.some((w) => w.timed);
  const at: Position = { ordinal: 0, sub: 0, time: NaN, grown: 0 };
  // Without wildcard aggregates every group shares one empty list (nothing is ever stored in it).
  const newFieldStates = (): FieldStates[] => (wildcards.length === 0 ? NO_FIELD_STATES : wildcards.map(() => new Map()));

  // `stats count by ...` (every output a bare count, sharing one counter): an event only bumps its group's counter.
  const countsOnly = accumulators.length === 1 && accumulators[0] === eventCounter && wildcards.length === 0;

  const feed = (states: unknown[], input: Input, value: Scalar): void => {
    const num = input.numeric ? (typeof value === 'boolean' ? NaN : toNumber(value)) : NaN;
    for (const slot of input.slots) accumulators[slot]!.add(states[slot], value, num, at);
  };

  return {
    byFields,
    columns: [...byFields, ...outputs.map((o) => o.name)],
    reads: reads === null ? null : [...new Set([...byFields, ...reads, ...(timed ? ['_time'] : [])])],
    dedupSplitValues: options.dedupSplitValues,
    countsOnly,
    newGroup: (byValues) => ({ byValues, states: accumulators.map((a) => a.init()), fieldStates: newFieldStates() }),
    addEvent: countsOnly ? (group) => void (group.states[0] as Counter).n++ : (group, ev, ordinal) => {
      at.ordinal = ordinal;
      at.time = timed ? readTime(ev) : NaN;
      for (const input of inputs) {
        const value = input.read(ev);
        if (value === undefined) continue;
        if (!Array.isArray(value)) {
          at.sub = 0;
          feed(group.states, input, value);
          continue;
        }
        for (let i = 0; i < value.length; i++) {
          at.sub = i;
          feed(group.states, input, value[i]!);
        }
      }
      for (let i = 0; i < wildcards.length; i++) wildcards[i]!.add(group.fieldStates[i]!, ev, at);
    },
    mergeGroups(into, from) {
      for (let slot = 0; slot < accumulators.length; slot++) into.states[slot] = accumulators[slot]!.merge(into.states[slot], from.states[slot]);
      for (let i = 0; i < wildcards.length; i++) into.fieldStates[i] = wildcards[i]!.merge(into.fieldStates[i]!, from.fieldStates[i]!);
      return into;
    },
    packStates: (groups) => ({
      slots: accumulators.map((accumulator, slot) => packColumn(accumulator, groups.map((g) => g.states[slot]))),
      fieldStates: wildcards.map((_, i) => groups.map((g) => g.fieldStates[i]!)),
    }),
    unpackGroup: (byValues, packed, index) => ({
      byValues,
      states: accumulators.map((accumulator, slot) => unpackState(accumulator, packed.slots[slot], index)),
      fieldStates: wildcards.length === 0 ? NO_FIELD_STATES : packed.fieldStates.map((column) => column[index]!),
    }),
    mergePacked(into, packed, index) {
      for (let slot = 0; slot < accumulators.length; slot++) {
        const accumulator = accumulators[slot]!;
        into.states[slot] = accumulator.merge(into.states[slot], unpackState(accumulator, packed.slots[slot], index));
      }
      for (let i = 0; i < wildcards.length; i++) into.fieldStates[i] = wildcards[i]!.merge(into.fieldStates[i]!, packed.fieldStates[i]![index]!);
    },
    grownBytes: () => at.grown!,
    writeRow(group, out) {
      byFields.forEach((f, i) => out.set(f, group.byValues[i]));
      for (const o of outputs) {
        if (o.kind === 'fixed') out.set(o.name, o.fn.result(group.states[o.slot]));
        else o.wildcard.write(group.fieldStates[o.index]!, out);
      }
    },
  };
}
