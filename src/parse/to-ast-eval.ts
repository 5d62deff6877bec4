// CST → AST for eval expressions (eval, where, stats eval(...), head (...)).
import type { CstNode, IToken } from 'chevrotain';
import type { EvalBinaryOp, EvalExpr, Span } from '../ast.js';
import { joinSpans, node, nodes, nodeSpan, quotedNameContent, stringContent, token, tokens, tokenSpan } from './cst-util.js';
import type { SourceText } from './to-ast-words.js';

export function evalExprFromCst(cst: CstNode, src: SourceText): EvalExpr {
  switch (cst.name) {
    case 'evalExpr':
    case 'evalOr':
    case 'evalAnd':
    case 'evalAdditive':
    case 'evalMultiplicative':
      return leftAssociative(cst, src);
    case 'evalNot':
      return notFromCst(cst, src);
    case 'evalCompare':
      return compareFromCst(cst, src);
    case 'evalUnary':
      return unaryFromCst(cst, src);
    case 'evalPrimary':
      return primaryFromCst(cst, src);
    default:
      throw new Error(`unexpected eval CST node ${cst.name}`);
  }
}

/** Operand/operator chains become left-associative binary nodes. */
function leftAssociative(cst: CstNode, src: SourceText): EvalExpr {
  const operands = nodes(cst, 'operands').map((n) => evalExprFromCst(n, src));
  const operators = tokens(cst, 'operators');
  let acc = operands[0]!;
  operators.forEach((op, i) => {
    const right = operands[i + 1]!;
    acc = { kind: 'binary', op: binaryOp(op), left: acc, right, span: joinSpans(acc.span, right.span) };
  });
  return acc;
}

function binaryOp(tok: IToken): EvalBinaryOp {
  const upper = tok.image.toUpperCase();
  return upper as EvalBinaryOp;
}

function notFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const negated = node(cst, 'negated');
  if (negated) return { kind: 'unary', op: 'NOT', expr: evalExprFromCst(negated, src), span: nodeSpan(cst) };
  return evalExprFromCst(node(cst, 'evalCompare')!, src);
}

function compareFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const operands = nodes(cst, 'operands').map((n) => evalExprFromCst(n, src));
  const left = operands[0]!;
  const op = token(cst, 'operator');
  if (op) return { kind: 'binary', op: binaryOp(op), left, right: operands[1]!, span: nodeSpan(cst) };
  if (token(cst, 'IN')) {
    const values = nodes(cst, 'inValues').map((n) => evalExprFromCst(n, src));
    return { kind: 'in', expr: left, values, negated: token(cst, 'notIn') !== undefined, span: nodeSpan(cst) };
  }
  return left;
}

function unaryFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const sign = token(cst, 'sign');
  if (!sign) return evalExprFromCst(node(cst, 'evalPrimary')!, src);
  const operand = evalExprFromCst(node(cst, 'operand')!, src);
  const span = nodeSpan(cst);
  // `-5` is a negative literal, so printing and re-parsing it gives the same tree.
  if (sign.image === '-' && operand.kind === 'number' && !operand.text.startsWith('-')) {
    return { kind: 'number', value: -operand.value, text: `-${operand.text}`, span };
  }
  return { kind: 'unary', op: sign.image === '-' ? '-' : '+', expr: operand, span };
}

function primaryFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const num = token(cst, 'NumberLiteral');
  if (num) return { kind: 'number', value: Number(num.image), text: num.image, span: tokenSpan(num) };
  const str = token(cst, 'StringLiteral');
  if (str) return { kind: 'string', value: stringContent(str), span: tokenSpan(str) };
  const quoted = token(cst, 'QuotedName');
  if (quoted) return { kind: 'field', name: quotedNameContent(quoted), quoted: true, span: tokenSpan(quoted) };
  const inner = node(cst, 'evalExpr');
  if (inner) return evalExprFromCst(inner, src);
  const call = node(cst, 'evalCall');
  if (call) return callFromCst(call, src);
  return fieldFromCst(node(cst, 'evalField')!, src);
}

function callFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const name = token(cst, 'fn')!.image;
  const args = nodes(cst, 'args').map((n) => evalExprFromCst(n, src));
  return { kind: 'call', name, args, span: nodeSpan(cst) };
}

function fieldFromCst(cst: CstNode, src: SourceText): EvalExpr {
  const parts = tokens(cst, 'parts');
  const span: Span = { start: parts[0]!.startOffset, end: parts[parts.length - 1]!.endOffset! + 1 };
  return { kind: 'field', name: src.text.slice(span.start, span.end), quoted: false, span };
}
