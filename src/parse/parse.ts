// Entry points of the parser: SPL text → AST, with every problem reported as an SplError with a span.
import type { CstNode } from 'chevrotain';
import type { EvalExpr, Pipeline, SearchExpr } from '../ast.js';
import { splParser, type SplParser } from '../../grammar/parser.js';
import { splLexer } from '../../grammar/tokens.js';
import { checkBrackets, checkLexTokens, parseErrorToSplError } from './errors.js';
import { evalExprFromCst } from './to-ast-eval.js';
import { pipelineFromCst, searchExprFromCst } from './to-ast.js';

function runRule(text: string, rule: (parser: SplParser) => CstNode): CstNode {
  const lexed = splLexer().tokenize(text);
  checkLexTokens(lexed.tokens, lexed.errors);
  checkBrackets(lexed.tokens);
  const parser = splParser();
  parser.input = lexed.tokens;
  const cst = rule(parser);
  const err = parser.errors[0];
  if (err) throw parseErrorToSplError(err, text);
  return cst;
}

/** Parse a whole query (macros must already be expanded). */
export function parseQuery(text: string): Pipeline {
  const cst = runRule(text, (p) => p.query());
  return pipelineFromCst(cst.children.pipeline![0] as CstNode, { text });
}

/** Parse a lone eval expression, e.g. `if(x>1, "a", "b")`. */
export function parseEvalExpression(text: string): EvalExpr {
  const cst = runRule(text, (p) => p.evalExpr());
  return evalExprFromCst(cst, { text });
}

/** Parse a lone search expression, e.g. `a=1 NOT b`. */
export function parseSearchExpression(text: string): SearchExpr {
  const cst = runRule(text, (p) => p.searchExpr());
  return searchExprFromCst(cst, { text });
}
