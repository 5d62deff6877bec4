// Compilers for eval arithmetic, concatenation and comparison operators (Splunk value rules, null propagation).
import type { EvalBinaryOp } from '../ast.js';
import { anyPair, comparisonTest, scalarComparator, type ComparisonOp } from './compare.js';
import type { CompiledArg, Evaluator, ValueKind } from './types.js';
import { asScalar, numberReader, numberResult, scalarText } from './values.js';

/** A compiled operator: its evaluator and what it is known to produce. */
export interface CompiledOperator {
  evaluate: Evaluator;
  kind: ValueKind;
}

type Arithmetic = (x: number, y: number) => number;

const ARITHMETIC: Record<'-' | '*' | '/' | '%', Arithmetic> = {
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  '%': (x, y) => x % y,
};

/** `- * / %`: both sides must read as single numbers; division by zero and overflow give null. */
function compileArithmetic(apply: Arithmetic, left: CompiledArg, right: CompiledArg): Evaluator {
  const readLeft = numberReader(left.kind);
  const readRight = numberReader(right.kind);
  return (ev) => {
    const a = asScalar(left.evaluate(ev));
    if (a === null) return null;
    const x = readLeft(a);
    if (x === undefined) return null;
    const b = asScalar(right.evaluate(ev));
    if (b === null) return null;
    const y = readRight(b);
    return y === undefined ? null : numberResult(apply(x, y));
  };
}

/** `+`: adds two numbers, concatenates two strings, null for anything else. */
function compilePlus(left: CompiledArg, right: CompiledArg): Evaluator {
  const readLeft = numberReader(left.kind);
  const readRight = numberReader(right.kind);
  return (ev) => {
    const a = asScalar(left.evaluate(ev));
    if (a === null) return null;
    const b = asScalar(right.evaluate(ev));
    if (b === null) return null;
    const x = readLeft(a);
    const y = readRight(b);
    if (x !== undefined && y !== undefined) return numberResult(x + y);
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    return null;
  };
}

function plusKind(left: ValueKind, right: ValueKind): ValueKind {
  if (left === 'number' && right === 'number') return 'number';
  if (left === 'string' && right === 'string') return 'string';
  return 'any';
}

/** `.`: concatenates the text of both sides (numbers as Splunk prints them); null if either has none. */
function compileConcat(left: CompiledArg, right: CompiledArg): Evaluator {
  return (ev) => {
    const a = asScalar(left.evaluate(ev));
    const s = a === null ? null : scalarText(a);
    if (s === null) return null;
    const b = asScalar(right.evaluate(ev));
    const t = b === null ? null : scalarText(b);
    return t === null ? null : s + t;
  };
}

/** Comparisons: numeric when both values read as numbers, else string order; true if any value pair matches. */
function compileComparison(op: ComparisonOp, left: CompiledArg, right: CompiledArg): Evaluator {
  const test = comparisonTest(op, scalarComparator(numberReader(left.kind), numberReader(right.kind)));
  return (ev) => {
    const a = left.evaluate(ev);
    if (a === null) return null;
    return anyPair(a, right.evaluate(ev), test);
  };
}

/** Arithmetic, `+`, `.` and comparison operators; logical ones live in logic.ts. */
export function compileValueOperator(
  op: Exclude<EvalBinaryOp, 'AND' | 'OR' | 'XOR' | 'LIKE'>,
  left: CompiledArg,
  right: CompiledArg,
): CompiledOperator {
  switch (op) {
    case '+':
      return { evaluate: compilePlus(left, right), kind: plusKind(left.kind, right.kind) };
    case '.':
      return { evaluate: compileConcat(left, right), kind: 'string' };
    case '-':
    case '*':
    case '/':
    case '%':
      return { evaluate: compileArithmetic(ARITHMETIC[op], left, right), kind: 'number' };
    default:
      return { evaluate: compileComparison(op, left, right), kind: 'boolean' };
  }
}
