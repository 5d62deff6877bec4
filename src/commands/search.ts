// `search`: keep the events that match a search expression (the implicit first command, or `| search`).
import type { SearchCommand } from '../ast.js';
import { compileSearchExpr, searchReads } from '../engine/search-predicate.js';
import type { CommandDef } from '../engine/types.js';
import { compileSearchSubsearch } from '../engine/search-subsearch.js';

export const searchCommand: CommandDef<SearchCommand> = {
  names: ['search'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'terms match `_raw` as whole segments; `earliest=`/`latest=` are time bounds; `[subsearch]` rows become `(f=v AND ...) OR ...` (10,000 rows / 60 s)',
  compile(node, ctx) {
    const reads = new Set<string>();
    searchReads(node.expr, reads);
    if (!node.expr) return { kind: 'streaming', reads: [], factory: (next) => next };
    let hasSubsearch = false;
    const subsearch = (p: Parameters<typeof compileSearchSubsearch>[0], span: Parameters<typeof compileSearchSubsearch>[1]) => {
      hasSubsearch = true;
      return compileSearchSubsearch(p, span, ctx);
    };
    const matches = compileSearchExpr(node.expr, { zone: ctx.zone, now: ctx.now, subsearch });
    return {
      kind: 'streaming',
      // A subsearch's rows may name any field.
      reads: hasSubsearch ? null : [...reads],
      factory: (next) => ({
        push: (ev) => {
          if (matches(ev)) next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
