// `mvcombine [delim=s] field`: merge results identical in every other field into one result with a multivalue field.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { scalarToString, valuesOf, type Event, type Scalar } from '../runtime/event.js';
import { clauseArgs, readOptions, singleField } from './generic-args.js';

interface Group {
  first: Event;
  values: Scalar[];
}

/** A key for every field but `field`: names sorted, values as text (Splunk field values are text: 1 equals "1"). */
function otherFieldsKey(ev: Event, field: string): string {
  const parts: unknown[] = [];
  for (const name of ev.names().sort()) if (name !== field) parts.push(name, valuesOf(ev.get(name)).map(scalarToString));
  return JSON.stringify(parts);
}

export const mvcombineCommand: CommandDef<GenericCommand> = {
  names: ['mvcombine'],
  kind: 'transforming',
  notes: '`delim=` has no effect (results stay multivalues)',
  compile(node) {
    // delim only shapes Splunk's single-value rendering of the result; splq keeps the multivalue itself (see docs).
    const { rest } = readOptions('mvcombine', clauseArgs(node).get(null) ?? [], ['delim']);
    const single = singleField('mvcombine', node, rest);
    const field = single.name;
    return {
      kind: 'transforming',
      reads: null,
      // Blocking: holds one result per distinct combination of the other fields until the end.
      factory: (next) => {
        const groups = new Map<string, Group>();
        const order: Group[] = [];
        return {
          push: (ev) => {
            const key = otherFieldsKey(ev, field);
            let group = groups.get(key);
            if (!group) {
              group = { first: ev, values: [] };
              groups.set(key, group);
              order.push(group);
            }
            group.values.push(...valuesOf(ev.get(field)));
          },
          end: () => {
            for (const { first, values } of order) {
              first.set(field, values.length === 1 ? values[0] : values);
              next.push(first);
            }
            next.end();
          },
        };
      },
    };
  },
};
