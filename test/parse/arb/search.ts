// fast-check arbitraries for search expressions, in the shapes the parser produces (and/or flattened, never single-item).
import fc from 'fast-check';
import type { Pipeline, SearchCompareOp, SearchExpr } from '../../../src/ast.js';
import { DEPTH } from './eval.js';
import { anyName, searchLiteral, SPAN } from './words.js';

const COMPARE_OPS: SearchCompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

export const searchLeaf: fc.Arbitrary<SearchExpr> = fc.oneof(
  searchLiteral.map((value) => ({ kind: 'term' as const, value, span: SPAN })),
  fc.record({
    kind: fc.constant('compare' as const),
    field: anyName,
    fieldSpan: fc.constant(SPAN),
    op: fc.constantFrom(...COMPARE_OPS),
    // `x=` followed by a space is the empty value, which re-parses as the empty quoted string.
    value: fc.oneof(searchLiteral, fc.constant({ text: '', quoted: true, span: SPAN })),
    span: fc.constant(SPAN),
  }),
  fc.record({
    kind: fc.constant('in' as const),
    field: anyName,
    fieldSpan: fc.constant(SPAN),
    values: fc.array(searchLiteral, { maxLength: 3 }),
    span: fc.constant(SPAN),
  }),
);

export interface SearchTies {
  search: () => fc.Arbitrary<SearchExpr>;
  andItem: () => fc.Arbitrary<SearchExpr>;
  orItem: () => fc.Arbitrary<SearchExpr>;
  subPipeline: () => fc.Arbitrary<Pipeline>;
}

/** The three recursive search arbitraries: any expression, an item of `and` (never `and`), an item of `or` (never `or`). */
export function searchArbitraries(tie: SearchTies) {
  const and = fc.array(tie.andItem(), { minLength: 2, maxLength: 4 }).map((items): SearchExpr => ({ kind: 'and', items, span: SPAN }));
  const or = fc.array(tie.orItem(), { minLength: 2, maxLength: 3 }).map((items): SearchExpr => ({ kind: 'or', items, span: SPAN }));
  const not = tie.search().map((expr): SearchExpr => ({ kind: 'not', expr, span: SPAN }));
  const subsearch = tie.subPipeline().map((pipeline): SearchExpr => ({ kind: 'subsearch', pipeline, span: SPAN }));
  return {
    search: fc.oneof(DEPTH, searchLeaf, and, or, not, subsearch),
    andItem: fc.oneof(DEPTH, searchLeaf, or, not, subsearch),
    orItem: fc.oneof(DEPTH, searchLeaf, and, not, subsearch),
  };
}
