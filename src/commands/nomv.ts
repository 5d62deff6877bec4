// `nomv field`: turn a multivalue field into one value, its values separated by newlines.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { scalarToString } from '../runtime/event.js';
import { clauseArgs, singleField } from './generic-args.js';

/** How Splunk joins a multivalue into a single value (nomv, makemv setsv=true). */
export const NOMV_SEPARATOR = '\n';

export const nomvCommand: CommandDef<GenericCommand> = {
  names: ['nomv'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const single = singleField('nomv', node, clauseArgs(node).get(null) ?? []);
    const field = single.name;
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => ({
        push: (ev) => {
          const v = ev.get(field);
          if (Array.isArray(v)) ev.set(field, v.map(scalarToString).join(NOMV_SEPARATOR));
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
