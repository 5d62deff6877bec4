// `where <expr>`: keep the results for which an eval expression is true (false and null drop the result).
import type { WhereCommand } from '../ast.js';
import { evalReads } from '../engine/eval-reads.js';
import type { CommandDef } from '../engine/types.js';
import { compileCondition } from '../eval/index.js';

export const whereCommand: CommandDef<WhereCommand> = {
  names: ['where'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node, ctx) {
    const holds = compileCondition(node.expr, ctx.evalContext);
    return {
      kind: 'streaming',
      reads: evalReads(node.expr),
      factory: (next) => ({
        push: (ev) => {
          if (holds(ev)) next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
