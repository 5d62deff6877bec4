// `mvexpand field [limit=N]`: one result per value of a multivalue field (results without the field are dropped).
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { clauseArgs, readOptions, singleField } from './generic-args.js';

export const mvexpandCommand: CommandDef<GenericCommand> = {
  names: ['mvexpand'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { options, rest } = readOptions('mvexpand', clauseArgs(node).get(null) ?? [], ['limit']);
    const single = singleField('mvexpand', node, rest);
    const { name: field, span } = single;
    if (field.startsWith('_')) throw new SplError('bad-argument', `mvexpand: cannot expand the internal field ${field}`, span);
    const limit = options.int('limit', 0);
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => ({
        push: (ev) => {
          const v = ev.get(field);
          if (v === undefined) return;
          if (!Array.isArray(v)) {
            next.push(ev);
            return;
          }
          const count = limit > 0 ? Math.min(limit, v.length) : v.length;
          for (let i = 0; i < count; i++) {
            const copy = i === count - 1 ? ev : ev.clone();
            copy.set(field, v[i]);
            next.push(copy);
          }
        },
        end: () => next.end(),
      }),
    };
  },
};
