// `reverse`: emit the results in the opposite order (blocking: holds every result until the end).
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import type { Event } from '../runtime/event.js';
import { clauseArgs, unexpectedArg } from './generic-args.js';

export const reverseCommand: CommandDef<GenericCommand> = {
  names: ['reverse'],
  kind: 'dataset',
  compile(node) {
    const extra = clauseArgs(node).get(null)?.[0];
    if (extra) throw unexpectedArg('reverse', extra);
    return {
      kind: 'dataset',
      reads: [],
      factory: (next) => {
        const held: Event[] = [];
        return {
          push: (ev) => void held.push(ev),
          end: () => {
            for (let i = held.length - 1; i >= 0; i--) next.push(held[i]!);
            held.length = 0;
            next.end();
          },
        };
      },
    };
  },
};
