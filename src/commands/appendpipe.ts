// `appendpipe [run_in_preview=bool] [subpipeline]`: the results, then the subpipeline's output over those same results.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { clauseArgs, readOptions, unexpectedArg } from './generic-args.js';
import { HeldEvents } from './held-events.js';
import { takeSubsearch } from './subsearch-args.js';

export const appendpipeCommand: CommandDef<GenericCommand> = {
  names: ['appendpipe'],
  kind: 'dataset',
  notes: 'subpipeline over the results so far',
  compile(node, ctx) {
    const head = clauseArgs(node).get(null) ?? [];
    const { pipeline, rest: beforeSub } = takeSubsearch(node, head, 'appendpipe [stats count]');
    const { options, rest } = readOptions('appendpipe', beforeSub, ['run_in_preview']);
    if (rest[0]) throw unexpectedArg('appendpipe', rest[0]);
    options.bool('run_in_preview', true);
    // The subpipeline runs over the results (not the inputs): `| map ...` or `| timechart ...` in it is not a new search.
    const subpipeline = ctx.compileSubPipeline(pipeline.commands);
    return {
      kind: 'dataset',
      reads: null,
      factory: (next) => {
        // Memory: a copy of every result (later stages may change the originals), within the memory budget.
        const held = new HeldEvents('appendpipe', node.span, ctx.run.maxMemoryMb);
        return {
          push: (ev) => {
            held.push(ev.clone());
            next.push(ev);
          },
          end: () => {
            const sub = subpipeline({ push: (row) => next.push(row), end: () => undefined });
            for (const ev of held.events) sub.push(ev);
            sub.end();
            next.end();
          },
        };
      },
    };
  },
};
