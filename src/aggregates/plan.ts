// Plans an aggregation: distinct inputs (fields, eval arguments), shared accumulator slots per input, outputs, fields read.
import type { Aggregate, AggregateArg } from '../ast.js';
import { evalReads } from '../engine/eval-reads.js';
import { compileEval, toFieldValue, type EvalCompileContext } from '../eval/index.js';
import type { Event, FieldValue } from '../runtime/event.js';
import { checkNamedOnce, resolveAggregate } from './resolve.js';
import type { Accumulator, AggregateFunction } from './types.js';
import { compileWildcard, type WildcardAggregate } from './wildcard.js';

/** One distinct input (a field, an eval argument, or the events themselves) and the state slots its values feed. */
export interface Input {
  read(ev: Event): FieldValue | undefined;
  /** Whether any slot reads the values as numbers (then each value is parsed once). */
  numeric: boolean;
  slots: number[];
}

/** An output in written order: a fixed field from a shared slot, or the fields of a wildcard aggregate. */
export type Output =
  | { kind: 'fixed'; name: string; slot: number; fn: AggregateFunction }
  | { kind: 'wildcard'; name: string; index: number; wildcard: WildcardAggregate };

export interface Plan {
  inputs: Input[];
  /** One accumulator per slot; functions of the same kind on the same input share a slot (count/sum/avg/stdev...). */
  accumulators: Array<Accumulator<unknown>>;
  outputs: Output[];
  wildcards: WildcardAggregate[];
  /** Fields the aggregates read (not the BY fields); null when an eval argument may read any field. */
  reads: Set<string> | null;
}

function inputKey(arg: AggregateArg | null, index: number): string {
  if (arg === null) return 'events';
  return arg.kind === 'field' ? `field:${arg.name}` : `eval:${index}`;
}

function inputReader(arg: AggregateArg | null, evalContext: EvalCompileContext): Input['read'] {
  if (arg === null) return () => 1;
  if (arg.kind === 'field') {
    const name = arg.name;
    return (ev) => ev.get(name);
  }
  const evaluate = compileEval(arg.expr, evalContext);
  return (ev) => toFieldValue(evaluate(ev));
}

function addReads(reads: Set<string> | null, arg: AggregateArg | null): Set<string> | null {
  if (reads === null || arg === null) return reads;
  if (arg.kind === 'field' && arg.name.includes('*')) return null;
  if (arg.kind === 'field') return reads.add(arg.name);
  const fields = evalReads(arg.expr);
  if (fields === null) return null;
  for (const f of fields) reads.add(f);
  return reads;
}

/**
 * Plan the aggregates of one command. Wildcard fields (`values(*)`) skip `byFields` (they are the row's key)
 * and get states per matching field instead of a fixed slot.
 */
export function planAggregates(aggregates: Aggregate[], byFields: string[], evalContext: EvalCompileContext): Plan {
  checkNamedOnce(aggregates);
  const inputs = new Map<string, Input>();
  const slotIds = new Map<string, number>();
  const plan: Plan = { inputs: [], accumulators: [], outputs: [], wildcards: [], reads: new Set() };
  aggregates.forEach((written, index) => {
    const { fn, name, input: agg } = resolveAggregate(written);
    plan.reads = addReads(plan.reads, agg.arg);
    if (agg.arg?.kind === 'field' && agg.arg.name.includes('*')) {
      const wildcard = compileWildcard(fn, agg.arg.name, name, new Set(byFields));
      plan.outputs.push({ kind: 'wildcard', name, index: plan.wildcards.push(wildcard) - 1, wildcard });
      return;
    }
    const key = inputKey(agg.arg, index);
    let input = inputs.get(key);
    if (!input) {
      input = { read: inputReader(agg.arg, evalContext), numeric: false, slots: [] };
      inputs.set(key, input);
    }
    const slotKey = `${key}\u0000${fn.accumulator.id}`;
    let slot = slotIds.get(slotKey);
    if (slot === undefined) {
      slot = plan.accumulators.push(fn.accumulator) - 1;
      slotIds.set(slotKey, slot);
      input.slots.push(slot);
      input.numeric ||= fn.accumulator.numeric;
    }
    plan.outputs.push({ kind: 'fixed', name, slot, fn });
  });
  plan.inputs = [...inputs.values()];
  return plan;
}
