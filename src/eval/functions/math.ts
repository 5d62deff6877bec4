// Mathematical functions: abs ceiling ceil floor round exact exp ln log pi pow sqrt sigfig.
import type { EvalExpr } from '../../ast.js';
import type { CompiledArg, EvalFunction, Evaluator, FunctionCompileContext } from '../types.js';
import { asScalar, numberResult, scalarText } from '../values.js';
import { constantFunction, numberArg, numericBinaryFunction, numericFunction } from './define.js';
import { decimalPlaces, roundDecimal, roundSignificant, significantFigures } from './rounding.js';

const roundFunction: EvalFunction = {
  name: 'round',
  minArgs: 1,
  maxArgs: 2,
  result: 'number',
  compile([value, digitsArg]) {
    const x = numberArg(value!);
    const digits = digitsArg === undefined ? () => 0 : numberArg(digitsArg);
    return (ev) => {
      const n = x(ev);
      const d = digits(ev);
      return n === null || d === null ? null : numberResult(roundDecimal(n, Math.trunc(d)));
    };
  },
};

const logFunction: EvalFunction = {
  name: 'log',
  minArgs: 1,
  maxArgs: 2,
  result: 'number',
  compile([value, baseArg]) {
    const x = numberArg(value!);
    const base = baseArg === undefined ? () => 10 : numberArg(baseArg);
    return (ev) => {
      const n = x(ev);
      const b = base(ev);
      return n === null || b === null ? null : numberResult(Math.log(n) / Math.log(b));
    };
  },
};

/** The text an operand was written or stored as (a literal keeps "1.00"; a field keeps its string). */
function operandText(node: EvalExpr, compiled: CompiledArg): Evaluator {
  if (node.kind === 'number') return () => node.text;
  return (ev) => {
    const v = asScalar(compiled.evaluate(ev));
    return v === null ? null : scalarText(v);
  };
}

/**
 * sigfig(a*b) / sigfig(a/b): as many significant figures as the least precise operand;
 * sigfig(a+b) / sigfig(a-b): as many decimals as the least precise operand; otherwise the value itself.
 */
function compileSigfig(arg: CompiledArg, ctx: FunctionCompileContext): Evaluator {
  const x = numberArg(arg);
  const node = arg.node;
  if (node.kind !== 'binary' || !['*', '/', '+', '-'].includes(node.op)) return x;
  const left = operandText(node.left, ctx.compileNode(node.left));
  const right = operandText(node.right, ctx.compileNode(node.right));
  const multiplicative = node.op === '*' || node.op === '/';
  return (ev) => {
    const n = x(ev);
    const a = left(ev);
    const b = right(ev);
    if (n === null || typeof a !== 'string' || typeof b !== 'string') return null;
    if (multiplicative) return roundSignificant(n, Math.min(significantFigures(a), significantFigures(b)));
    return roundDecimal(n, Math.min(decimalPlaces(a), decimalPlaces(b)));
  };
}

const sigfigFunction: EvalFunction = {
  name: 'sigfig',
  minArgs: 1,
  maxArgs: 1,
  result: 'number',
  compile: ([arg], ctx) => compileSigfig(arg!, ctx),
};

export const MATH_FUNCTIONS: EvalFunction[] = [
  numericFunction('abs', Math.abs),
  numericFunction('ceiling', Math.ceil),
  numericFunction('ceil', Math.ceil),
  numericFunction('floor', Math.floor),
  roundFunction,
  numericFunction('exact', (x) => x),
  numericFunction('exp', Math.exp),
  numericFunction('ln', Math.log),
  logFunction,
  constantFunction('pi', 'number', () => Math.PI),
  numericBinaryFunction('pow', Math.pow),
  numericFunction('sqrt', Math.sqrt),
  sigfigFunction,
];
