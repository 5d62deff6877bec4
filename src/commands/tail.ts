// `tail [N]`: the last N results (default 10), returned in reverse order (last result first), as Splunk does.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import type { Event } from '../runtime/event.js';
import { clauseArgs, fieldList, parseIntArg, unexpectedArg } from './generic-args.js';

export const tailCommand: CommandDef<GenericCommand> = {
  names: ['tail'],
  kind: 'dataset',
  compile(node) {
    const args = clauseArgs(node).get(null) ?? [];
    const words = fieldList('tail', args);
    if (words.length > 1) throw unexpectedArg('tail', args[args.length - 1]!);
    const limit = words[0] ? parseIntArg('tail', 'the count', words[0].name, words[0].span) : 10;
    return {
      kind: 'dataset',
      reads: [],
      // Holds at most N results: a ring buffer of the latest ones.
      factory: (next) => {
        const ring: Event[] = [];
        let start = 0;
        return {
          push: (ev) => {
            if (limit === 0) return;
            if (ring.length < limit) ring.push(ev);
            else {
              ring[start] = ev;
              start = (start + 1) % limit;
            }
          },
          end: () => {
            for (let i = ring.length - 1; i >= 0; i--) next.push(ring[(start + i) % ring.length]!);
            next.end();
          },
        };
      },
    };
  },
};
