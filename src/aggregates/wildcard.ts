// Wildcard aggregates (`values(*) AS *`, `avg(bytes_*) AS avg_*`): one state per matching field, made as fields appear.
import { compileNamePattern, fillPattern } from '../commands/wildcard-names.js';
import { toNumber, type Event, type Scalar } from '../runtime/event.js';
import { compareUtf8 } from '../search/utf8-order.js';
import type { AggregateFunction, Position } from './types.js';

/** States of one wildcard aggregate in one group, by input field name. */
export type FieldStates = Map<string, unknown>;

export interface WildcardAggregate {
  /** Whether the function reads `_time` (earliest/latest...). */
  timed: boolean;
  add(states: FieldStates, ev: Event, at: Position): void;
  merge(into: FieldStates, from: FieldStates): FieldStates;
  /** One output per matched field, in field-name order: the output pattern with the `*` parts filled in. */
  write(states: FieldStates, out: Event): void;
}

/**
 * `fieldPattern` matches input fields except `excluded` ones (the BY fields) and, unless the pattern itself starts
 * with `_`, internal fields such as `_raw` and `_time`. `outputPattern` has as many `*` as `fieldPattern`.
 */
export function compileWildcard(fn: AggregateFunction, fieldPattern: string, outputPattern: string, excluded: Set<string>): WildcardAggregate {
  const pattern = compileNamePattern(fieldPattern);
  const internalToo = fieldPattern.startsWith('_');
  const { accumulator, result } = fn;
  // Output name per field name seen (null: not aggregated); field names are few, so this replaces a regex per event.
  const outputNames = new Map<string, string | null>();
  const outputOf = (name: string): string | null => {
    let output = outputNames.get(name);
    if (output === undefined) {
      const caps = excluded.has(name) || (!internalToo && name.startsWith('_')) ? null : pattern.match(name);
      output = caps ? fillPattern(outputPattern, caps) : null;
      outputNames.set(name, output);
    }
    return output;
  };
  const addValue = (state: unknown, v: Scalar, at: Position): void =>
    accumulator.add(state, v, accumulator.numeric && typeof v !== 'boolean' ? toNumber(v) : NaN, at);
  return {
    timed: accumulator.timed,
    add(states, ev, at) {
      for (const name of ev.names()) {
        if (outputOf(name) === null) continue;
        let state = states.get(name);
        if (state === undefined) states.set(name, (state = accumulator.init()));
        const value = ev.get(name)!;
        if (!Array.isArray(value)) {
          at.sub = 0;
          addValue(state, value, at);
          continue;
        }
        for (let i = 0; i < value.length; i++) {
          at.sub = i;
          addValue(state, value[i]!, at);
        }
      }
    },
    merge(into, from) {
      for (const [name, state] of from) {
        const mine = into.get(name);
        into.set(name, mine === undefined ? state : accumulator.merge(mine, state));
      }
      return into;
    },
    write(states, out) {
      for (const name of [...states.keys()].sort(compareUtf8)) out.set(outputOf(name)!, result(states.get(name)));
    },
  };
}
