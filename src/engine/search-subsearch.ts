// `search ... [subsearch]`: the subsearch's rows become a search, as Splunk's implicit `format` writes it.
import type { Pipeline, SearchExpr, Span } from '../ast.js';
import { parseSearchExpression } from '../parse/parse.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { compileSearchExpr, type EventPredicate } from './search-predicate.js';
import { runSubsearch, type SubsearchLimits } from './subsearch.js';
import type { CompileContext } from './types.js';

/** Splunk's limits for a subsearch inside a search (limits.conf [subsearch] maxout=10000, maxtime=60). */
export const SEARCH_SUBSEARCH_LIMITS: SubsearchLimits = { maxRows: 10_000, maxSeconds: 60 };

/**
 * The rows as one search expression: `(f1="v1" AND f2="v2") OR (...)`; a multivalue is an OR of its values; a field
 * named `search` or `query` is search text put in as written; internal `_` fields are left out. No rows: matches
 * nothing (Splunk's `NOT ()`).
 */
export function rowsToSearch(rows: readonly Event[], span: Span): SearchExpr | null {
  const alternatives: SearchExpr[] = [];
  for (const row of rows) {
    const parts: SearchExpr[] = [];
    for (const name of row.names()) {
      if (name.startsWith('_')) continue;
      const values = valuesOf(row.get(name)).map(scalarToString);
      if (name === 'search' || name === 'query') {
        for (const text of values) if (text.trim() !== '') parts.push(parseSearchExpression(text));
        continue;
      }
      const compares: SearchExpr[] = values.map((text) => ({
        kind: 'compare', field: name, fieldSpan: span, op: '=', value: { text, quoted: true, span }, span,
      }));
      if (compares.length) parts.push(compares.length === 1 ? compares[0]! : { kind: 'or', items: compares, span });
    }
    if (parts.length) alternatives.push(parts.length === 1 ? parts[0]! : { kind: 'and', items: parts, span });
  }
  if (alternatives.length === 0) return null;
  return alternatives.length === 1 ? alternatives[0]! : { kind: 'or', items: alternatives, span };
}

/**
 * Compile the subsearch once; while a search runs, its rows (run before the search, or over the replayed inputs on
 * first use) are turned into a predicate once per run.
 */
export function compileSearchSubsearch(pipeline: Pipeline, span: Span, ctx: CompileContext): EventPredicate {
  const sub = ctx.compileSubsearch(pipeline);
  sub.prerun = { limits: SEARCH_SUBSEARCH_LIMITS, command: 'search' };
  const run = ctx.run;
  const NOT_BUILT = Symbol('not built');
  let builtFor: unknown = NOT_BUILT;
  let predicate: EventPredicate = () => false;
  return (ev) => {
    const runKey = run.prepared ?? run.inputs;
    if (runKey !== builtFor) {
      builtFor = runKey;
      const expr = rowsToSearch(runSubsearch(sub, run, SEARCH_SUBSEARCH_LIMITS, 'search'), span);
      predicate = expr === null ? () => false : compileSearchExpr(expr, { zone: ctx.zone, now: ctx.now });
    }
    return predicate(ev);
  };
}
