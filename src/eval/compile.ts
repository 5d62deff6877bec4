// The eval expression compiler: turns an EvalExpr into closures once, so events are evaluated without walking the tree.
import type { EvalExpr } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import type { Event, Scalar } from '../runtime/event.js';
import { EVAL_FUNCTION_NAMES, lookupEvalFunction } from './functions/index.js';
import { compileAnd, compileIn, compileLike, compileNot, compileOr, compileXor } from './logic.js';
import { compileValueOperator } from './operators.js';
import type { CompiledArg, EvalCompileContext, EvalFunction, Evaluator, FunctionCompileContext } from './types.js';
import { asScalar, fieldValue, numberReader, numberResult } from './values.js';

/** Compile an eval expression into an evaluator. Throws SplError for unknown functions, bad arity and bad literals. */
export function compileEval(expr: EvalExpr, ctx: EvalCompileContext): Evaluator {
  return compileExpression(expr, ctx).evaluate;
}

/** Compile a condition (where, head, ...): true only when the expression is Boolean true (false and null drop). */
export function compileCondition(expr: EvalExpr, ctx: EvalCompileContext): (ev: Event) => boolean {
  const evaluate = compileEval(expr, ctx);
  return (ev) => evaluate(ev) === true;
}

/** Compile an expression and report what it is known to produce (used to reject Boolean eval assignments). */
export function compileExpression(expr: EvalExpr, ctx: EvalCompileContext): CompiledArg {
  const functionContext: FunctionCompileContext = { ...ctx, compileNode: (node) => compileNode(node, functionContext) };
  return compileNode(expr, functionContext);
}

function literal(node: EvalExpr, value: Scalar): CompiledArg {
  return { evaluate: () => value, node, kind: typeof value === 'number' ? 'number' : 'string', literal: value };
}

function compileNode(node: EvalExpr, ctx: FunctionCompileContext): CompiledArg {
  switch (node.kind) {
    case 'number':
      return literal(node, node.value);
    case 'string':
      return literal(node, node.value);
    case 'field':
      return { evaluate: fieldReader(node.name), node, kind: 'any' };
    case 'call':
      return compileCall(node, ctx);
    case 'unary':
      return compileUnary(node, ctx.compileNode(node.expr));
    case 'in': {
      const subject = ctx.compileNode(node.expr);
      const candidates = node.values.map(ctx.compileNode);
      return { evaluate: compileIn(subject, candidates, node.negated), node, kind: 'boolean' };
    }
    case 'binary':
      return compileBinary(node, ctx.compileNode(node.left), ctx.compileNode(node.right));
  }
}

function fieldReader(name: string): Evaluator {
  return (ev) => fieldValue(ev.get(name));
}

function compileUnary(node: Extract<EvalExpr, { kind: 'unary' }>, operand: CompiledArg): CompiledArg {
  if (node.op === 'NOT') return { evaluate: compileNot(operand), node, kind: 'boolean' };
  if (typeof operand.literal === 'number') return literal(node, node.op === '-' ? -operand.literal : operand.literal);
  const read = numberReader(operand.kind);
  const sign = node.op === '-' ? -1 : 1;
  const evaluate: Evaluator = (ev) => {
    const v = asScalar(operand.evaluate(ev));
    const n = v === null ? undefined : read(v);
    return n === undefined ? null : numberResult(sign * n);
  };
  return { evaluate, node, kind: 'number' };
}

function compileBinary(node: Extract<EvalExpr, { kind: 'binary' }>, left: CompiledArg, right: CompiledArg): CompiledArg {
  switch (node.op) {
    case 'AND':
      return { evaluate: compileAnd(left, right), node, kind: 'boolean' };
    case 'OR':
      return { evaluate: compileOr(left, right), node, kind: 'boolean' };
    case 'XOR':
      return { evaluate: compileXor(left, right), node, kind: 'boolean' };
    case 'LIKE':
      return { evaluate: compileLike(left, right), node, kind: 'boolean' };
    default: {
      const compiled = compileValueOperator(node.op, left, right);
      return { evaluate: compiled.evaluate, node, kind: compiled.kind };
    }
  }
}

function compileCall(node: Extract<EvalExpr, { kind: 'call' }>, ctx: FunctionCompileContext): CompiledArg {
  const fn = lookupEvalFunction(node.name);
  if (fn === undefined) {
    const near = closestNames(node.name, EVAL_FUNCTION_NAMES);
    const hints = near.length > 0 ? [`did you mean ${near.join(', ')}?`] : [];
    throw new SplError('unknown-function', `unknown eval function "${node.name}"`, node.span, hints);
  }
  checkArity(fn, node);
  const args = node.args.map(ctx.compileNode);
  const kind = typeof fn.result === 'function' ? fn.result(args) : fn.result;
  return { evaluate: fn.compile(args, ctx, node.span), node, kind };
}

function checkArity(fn: EvalFunction, node: Extract<EvalExpr, { kind: 'call' }>): void {
  const got = node.args.length;
  if (got >= fn.minArgs && got <= fn.maxArgs) return;
  throw new SplError('bad-argument', `${fn.name} ${arityText(fn)}, got ${got}`, node.span);
}

function arityText(fn: EvalFunction): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (fn.maxArgs === 0) return 'takes no arguments';
  if (fn.minArgs === fn.maxArgs) return `takes ${plural(fn.minArgs)}`;
  if (fn.maxArgs === Infinity) return `takes at least ${plural(fn.minArgs)}`;
  return `takes ${fn.minArgs} to ${fn.maxArgs} arguments`;
}
