// A `[subsearch]` in a tstats where clause: run once when the query compiles (it generates its rows: inputlookup,
// makeresults), its rows written into the clause as search terms the way Splunk's implicit `format` writes them.
import type { SearchExpr, Span } from '../ast.js';
import { rowsToSearch, SEARCH_SUBSEARCH_LIMITS } from '../engine/search-subsearch.js';
import { runSubsearch } from '../engine/subsearch.js';
import type { CompileContext } from '../engine/types.js';
import { SplError } from '../errors.js';

/** `NOT *`: matches nothing (Splunk's `NOT ()` for a subsearch without rows). */
const nothing = (span: Span): SearchExpr => ({ kind: 'not', expr: { kind: 'term', value: { text: '*', quoted: false, span }, span }, span });

/** The where clause with each subsearch replaced by its rows as search terms (fields keep their tstats names). */
export function expandWhereSubsearches(expr: SearchExpr, ctx: CompileContext): SearchExpr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { ...expr, items: expr.items.map((e) => expandWhereSubsearches(e, ctx)) };
    case 'not':
      return { ...expr, expr: expandWhereSubsearches(expr.expr, ctx) };
    case 'subsearch': {
      const sub = ctx.compileSubsearch(expr.pipeline, false);
      if (!sub.generating) {
        throw new SplError('unsupported-command', 'tstats: a subsearch in where must generate its rows (inputlookup, makeresults): one over the events is not supported yet', expr.span);
      }
      return rowsToSearch(runSubsearch(sub, ctx.run, SEARCH_SUBSEARCH_LIMITS, 'tstats'), expr.span) ?? nothing(expr.span);
    }
    default:
      return expr;
  }
}
