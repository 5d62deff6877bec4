// Data model and mapping texts parsed once per process: every tstats query re-reads the same EVALs and searches.
import type { EvalExpr, SearchExpr } from '../ast.js';
import { parseEvalExpression, parseSearchExpression } from '../parse/parse.js';

const evals = new Map<string, EvalExpr>();
const searches = new Map<string, SearchExpr>();

/** The eval expression of a data file's text (the AST is shared: compilers only read it). */
export function parsedEval(text: string): EvalExpr {
  let expr = evals.get(text);
  if (!expr) evals.set(text, (expr = parseEvalExpression(text)));
  return expr;
}

/** The search expression of a data file's text (shared, read-only). */
export function parsedSearch(text: string): SearchExpr {
  let expr = searches.get(text);
  if (!expr) searches.set(text, (expr = parseSearchExpression(text)));
  return expr;
}
