// fast-check arbitraries for eval expressions, in the shapes the parser produces.
import fc from 'fast-check';
import type { EvalBinaryOp, EvalExpr } from '../../../src/ast.js';
import { evalFieldName, numberText, quotedText, SPAN } from './words.js';

const BINARY_OPS: EvalBinaryOp[] = ['+', '-', '*', '/', '%', '.', '=', '==', '!=', '<', '<=', '>', '>=', 'AND', 'OR', 'XOR', 'LIKE'];
const FUNCTIONS = ['if', 'case', 'len', 'coalesce', 'mvindex', 'lower', 'now', 'isnull', 'match', 'replace', 'tostring'];

/** `depthIdentifier`/`maxDepth` bound the recursion: at the limit a oneof picks its first (leaf) arbitrary. */
export const DEPTH = { depthIdentifier: 'ast', maxDepth: 4, depthSize: 'small' } as const;

export const evalLeaf: fc.Arbitrary<EvalExpr> = fc.oneof(
  numberText.map((text) => ({ kind: 'number' as const, value: Number(text), text, span: SPAN })),
  quotedText.map((value) => ({ kind: 'string' as const, value, span: SPAN })),
  evalFieldName.map((name) => ({ kind: 'field' as const, name, quoted: false, span: SPAN })),
  // Single-quoted field names cannot span lines.
  quotedText.filter((n) => !n.includes('\n')).map((name) => ({ kind: 'field' as const, name, quoted: true, span: SPAN })),
  fc.constantFrom('now', 'random', 'null').map((name) => ({ kind: 'call' as const, name, args: [], span: SPAN })),
);

/** The recursive eval expression arbitrary, given a tie to itself. */
export function evalExprArbitrary(self: () => fc.Arbitrary<EvalExpr>): fc.Arbitrary<EvalExpr> {
  const binary = fc.record({
    kind: fc.constant('binary' as const),
    op: fc.constantFrom(...BINARY_OPS),
    left: self(),
    right: self(),
    span: fc.constant(SPAN),
  });
  // `-5` parses as a negative number literal, so a unary minus never applies directly to a positive number.
  const unary = fc
    .record({ kind: fc.constant('unary' as const), op: fc.constantFrom('NOT' as const, '-' as const, '+' as const), expr: self(), span: fc.constant(SPAN) })
    .filter((u) => !(u.op === '-' && u.expr.kind === 'number' && !u.expr.text.startsWith('-')));
  const call = fc.record({
    kind: fc.constant('call' as const),
    name: fc.constantFrom(...FUNCTIONS),
    args: fc.array(self(), { maxLength: 3 }),
    span: fc.constant(SPAN),
  });
  const inList = fc.record({
    kind: fc.constant('in' as const),
    expr: self(),
    values: fc.array(self(), { maxLength: 3 }),
    negated: fc.boolean(),
    span: fc.constant(SPAN),
  });
  return fc.oneof(DEPTH, evalLeaf, binary, unary, call, inList);
}
