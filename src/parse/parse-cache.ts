// Parsed eval and search expressions of data files (mappings, data models) and tstats' where clause, kept per thread by text.
import type { EvalExpr, SearchExpr } from '../ast.js';
import { parseEvalExpression, parseSearchExpression } from './parse.js';

/** One cached parse: `e` eval, `s` search, and its text; the AST is plain data (it crosses to worker threads). */
export type ParsedText = ['e', string, EvalExpr] | ['s', string, SearchExpr];

const evalCache = new Map<string, EvalExpr>();
const searchCache = new Map<string, SearchExpr>();

/**
 * An eval expression parsed once per thread: the built-in mappings and data models hold hundreds of them, and a
 * tstats compiles them for each query (and again on each worker). Callers never change the returned AST.
 */
export function parseEvalCached(text: string): EvalExpr {
  let expr = evalCache.get(text);
  if (expr === undefined) evalCache.set(text, (expr = parseEvalExpression(text)));
  return expr;
}

/** A search expression parsed once per thread (see parseEvalCached). */
export function parseSearchCached(text: string): SearchExpr {
  let expr = searchCache.get(text);
  if (expr === undefined) searchCache.set(text, (expr = parseSearchExpression(text)));
  return expr;
}

/** Every cached parse, for a worker thread (so it needs no parser: building chevrotain's costs ~0.3 s). */
export function parsedTexts(): ParsedText[] {
  return [...[...evalCache].map(([t, e]): ParsedText => ['e', t, e]), ...[...searchCache].map(([t, s]): ParsedText => ['s', t, s])];
}

/** Fill the cache with parses made on another thread. */
export function primeParsedTexts(entries: readonly ParsedText[]): void {
  for (const entry of entries) {
    if (entry[0] === 'e') evalCache.set(entry[1], entry[2]);
    else searchCache.set(entry[1], entry[2]);
  }
}
