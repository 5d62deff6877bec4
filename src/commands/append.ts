// `append [extendtimerange=bool] [maxtime=N] [maxout=N] [timeout=N] [subsearch]`: the subsearch's results after the search's.
import type { GenericCommand } from '../ast.js';
import { runSubsearch } from '../engine/subsearch.js';
import type { CommandDef } from '../engine/types.js';
import { clauseArgs, readOptions, unexpectedArg } from './generic-args.js';
import { subsearchLimits, takeSubsearch } from './subsearch-args.js';

export const appendCommand: CommandDef<GenericCommand> = {
  names: ['append'],
  kind: 'streaming',
  notes: 'subsearch over the same inputs; `maxout=`, `maxtime=`, `timeout=`',
  compile(node, ctx) {
    const head = clauseArgs(node).get(null) ?? [];
    const { pipeline, rest: beforeSub } = takeSubsearch(node, head, 'append [search sourcetype=x]');
    const { options, rest } = readOptions('append', beforeSub, ['extendtimerange', 'maxtime', 'maxout', 'timeout']);
    if (rest[0]) throw unexpectedArg('append', rest[0]);
    options.bool('extendtimerange', false);
    const limits = subsearchLimits(options);
    const sub = ctx.compileSubsearch(pipeline);
    sub.prerun = { limits, command: 'append' };
    const run = ctx.run;
    return {
      kind: 'streaming',
      reads: [],
      factory: (next) => {
        const services = { ...run };
        return {
          push: (ev) => next.push(ev),
          end: () => {
            for (const row of runSubsearch(sub, services, limits, 'append')) next.push(row);
            next.end();
          },
        };
      },
    };
  },
};
