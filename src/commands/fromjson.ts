// `fromjson field [prefix=p]`: a field holding a JSON object becomes fields (top level only; arrays become multivalues).
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { jsonToScalar, parseJson } from '../eval/functions/json-values.js';
import { scalarToString, valuesOf, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import { clauseArgs, readOptions, singleField } from './generic-args.js';

/** A top-level JSON value as a field value: arrays become multivalues, objects stay JSON text, null is no value. */
function fieldValueOf(json: unknown): FieldValue | undefined {
  if (!Array.isArray(json)) return jsonToScalar(json) ?? undefined;
  const values: Scalar[] = [];
  for (const item of json) {
    const v = jsonToScalar(item);
    if (v !== null) values.push(v);
  }
  return values.length === 1 ? values[0] : values;
}

function expand(ev: Event, text: string, prefix: string): void {
  const doc = parseJson(text);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return;
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const v = fieldValueOf(value);
    if (v !== undefined) ev.set(prefix + key, v);
  }
}

export const fromjsonCommand: CommandDef<GenericCommand> = {
  names: ['fromjson'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { options, rest } = readOptions('fromjson', clauseArgs(node).get(null) ?? [], ['prefix']);
    const single = singleField('fromjson', node, rest);
    const field = single.name;
    const prefix = options.text('prefix', '');
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => ({
        push: (ev) => {
          // Only the first value of a multivalue field is read.
          const first = valuesOf(ev.get(field))[0];
          if (first !== undefined) expand(ev, scalarToString(first), prefix);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
