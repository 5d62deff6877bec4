// `head [N] [limit=N] [(expr)]`: the first N results (default 10), or results while an expression holds.
import type { HeadCommand } from '../ast.js';
import { compileCondition } from '../eval/index.js';
import type { CommandDef } from '../engine/types.js';
import { evalReads } from '../engine/eval-reads.js';
import { readsFirstResults } from './result-bound.js';

export const headCommand: CommandDef<HeadCommand> = {
  names: ['head'],
  kind: 'streaming',
  compile(node, ctx) {
    const limit = node.limit ?? (node.expr ? Infinity : 10);
    const holds = node.expr ? compileCondition(node.expr, ctx.evalContext) : null;
    return {
      kind: 'streaming',
      reads: node.expr ? evalReads(node.expr) : [],
      factory: (next) => {
        let seen = 0;
        let stopped = false;
        // Whatever the expression does, head never looks past its first `limit` results.
        return readsFirstResults({
          push: (ev) => {
            if (stopped || seen >= limit) return;
            if (holds && !holds(ev)) {
              stopped = true;
              return;
            }
            seen++;
            next.push(ev);
          },
          end: () => next.end(),
        }, limit);
      },
    };
  },
};
