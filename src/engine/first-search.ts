// The query's first search as a filter the reader can apply before decoding the rest of a line (predicate pushdown).
import type { Pipeline, SearchExpr } from '../ast.js';
import type { TimeZone } from '../time/zone.js';
import { compileSearchExpr, searchReads, type EventPredicate } from './search-predicate.js';

/** A filter over the fields it reads: an event with just those fields gets the answer the full event would. */
export interface FirstSearch {
  fields: string[];
  test: EventPredicate;
}

function hasSubsearch(expr: SearchExpr): boolean {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.items.some(hasSubsearch);
    case 'not':
      return hasSubsearch(expr.expr);
    default:
      return expr.kind === 'subsearch';
  }
}

/**
 * The first command's search when it reads some fields and no subsearch; null otherwise (`*`, a generating
 * command, a leading pipe). The pipeline still runs the search itself: the reader only uses it to skip
 * decoding the other fields of lines it rejects.
 */
export function firstSearchFilter(ast: Pipeline, zone: TimeZone, now: number): FirstSearch | null {
  const first = ast.commands[0];
  if (ast.leadingPipe || !first || first.kind !== 'search' || !first.expr || hasSubsearch(first.expr)) return null;
  const reads = new Set<string>();
  searchReads(first.expr, reads);
  if (reads.size === 0) return null;
  return { fields: [...reads], test: compileSearchExpr(first.expr, { zone, now }) };
}
