// `search`: keep the events that match a search expression (the implicit first command, or `| search`).
import type { SearchCommand } from '../ast.js';
import { compileSearchExpr, searchReads } from '../engine/search-predicate.js';
import type { CommandDef } from '../engine/types.js';

export const searchCommand: CommandDef<SearchCommand> = {
  names: ['search'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'terms match `_raw` as whole segments; `earliest=`/`latest=` are time bounds; subsearches `[...]` not yet',
  compile(node, ctx) {
    const reads = new Set<string>();
    searchReads(node.expr, reads);
    if (!node.expr) return { kind: 'streaming', reads: [], factory: (next) => next };
    const matches = compileSearchExpr(node.expr, { zone: ctx.zone, now: ctx.now, compileSubsearch: (p) => ctx.compileSubPipeline(p.commands) });
    return {
      kind: 'streaming',
      reads: [...reads],
      factory: (next) => ({
        push: (ev) => {
          if (matches(ev)) next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
