// Multivalue functions that iterate: mvfilter and mvmap (expression per value, field bound to it) and mvrange.
import type { EvalExpr } from '../../ast.js';
import { SplError, type Span } from '../../errors.js';
import { toNumber, type Scalar } from '../../runtime/event.js';
import { compileTimeModifier } from '../../time/relative.js';
import type { TimeZone } from '../../time/zone.js';
import { BoundEvent } from '../bound-event.js';
import type { CompiledArg, EvalFunction, EvalValue, Evaluator } from '../types.js';
import { fieldValue, listResult, valueList } from '../values.js';
import { numberArg, preparedArg } from './define.js';

function collectFieldNames(node: EvalExpr, into: Set<string>): void {
  switch (node.kind) {
    case 'field':
      into.add(node.name);
      return;
    case 'call':
      node.args.forEach((a) => collectFieldNames(a, into));
      return;
    case 'binary':
      collectFieldNames(node.left, into);
      collectFieldNames(node.right, into);
      return;
    case 'unary':
      collectFieldNames(node.expr, into);
      return;
    case 'in':
      collectFieldNames(node.expr, into);
      node.values.forEach((v) => collectFieldNames(v, into));
      return;
    default:
      return;
  }
}

/** mvfilter's field: the expression must reference exactly one field (Splunk's rule). */
function filteredField(predicate: CompiledArg, span: Span): string {
  const names = new Set<string>();
  collectFieldNames(predicate.node, names);
  if (names.size !== 1) {
    throw new SplError('bad-argument', `mvfilter's expression must reference exactly one field, found ${names.size}`, span);
  }
  return [...names][0]!;
}

/** Evaluate `expr` once per value of field `name`, with the field bound to that value. */
function perValue(name: string, expr: CompiledArg, keep: (value: Scalar, result: EvalValue, out: Scalar[]) => void): Evaluator {
  return (ev) => {
    const values = valueList(fieldValue(ev.get(name)));
    if (values.length === 0) return null;
    const bound = new BoundEvent(ev, name);
    const out: Scalar[] = [];
    for (const value of values) {
      bound.value = value;
      keep(value, expr.evaluate(bound), out);
    }
    return listResult(out);
  };
}

const mvfilterFunction: EvalFunction = {
  name: 'mvfilter',
  minArgs: 1,
  maxArgs: 1,
  result: 'any',
  compile([predicate], _ctx, span) {
    return perValue(filteredField(predicate!, span), predicate!, (value, result, out) => {
      if (result === true) out.push(value);
    });
  },
};

const mvmapFunction: EvalFunction = {
  name: 'mvmap',
  minArgs: 2,
  maxArgs: 2,
  result: (args) => args[1]!.kind,
  compile([mv, expr]) {
    if (mv!.node.kind !== 'field') {
      throw new SplError('bad-argument', 'mvmap takes a multivalue field as its first argument', mv!.node.span);
    }
    return perValue(mv!.node.name, expr!, (_value, result, out) => {
      for (const v of valueList(result)) if (typeof v !== 'boolean') out.push(v);
    });
  },
};

const MAX_RANGE_VALUES = 100000;

/** The step of mvrange: a number adds, a time span like "7d" or "1mon" advances a time (via relative_time). */
function stepFunction(text: string): (x: number, zone: TimeZone) => number {
  const amount = toNumber(text);
  if (!Number.isNaN(amount)) {
    if (amount <= 0) throw new Error('mvrange step must be positive');
    return (x) => x + amount;
  }
  const advance = compileTimeModifier(`+${text.trim()}`);
  return (x, zone) => advance(x, zone);
}

/** stepFunction, with a bad literal step reported at the argument. */
function stepAt(text: string, span: Span): (x: number, zone: TimeZone) => number {
  try {
    return stepFunction(text);
  } catch {
    throw new SplError('bad-argument', `mvrange step "${text}" is not a positive number or time span`, span);
  }
}

/** mvrange(start, end[, step=1]): start, start+step, ... up to but excluding end (at most 100000 values). */
const mvrangeFunction: EvalFunction = {
  name: 'mvrange',
  minArgs: 2,
  maxArgs: 3,
  result: 'number',
  compile([startArg, endArg, stepArg], ctx) {
    const start = numberArg(startArg!);
    const end = numberArg(endArg!);
    const unitStep = (x: number): number => x + 1;
    const step = stepArg === undefined ? () => unitStep : preparedArg(stepArg, (text) => stepAt(text, stepArg.node.span));
    return (ev) => {
      const a = start(ev);
      const b = end(ev);
      const next = step(ev);
      if (a === null || b === null || next === null) return null;
      const out: Scalar[] = [];
      for (let x = a; x < b; ) {
        if (out.length === MAX_RANGE_VALUES) return null;
        out.push(x);
        const following = next(x, ctx.zone);
        if (following <= x) return null;
        x = following;
      }
      return listResult(out);
    };
  },
};

export const MV_ITERATE_FUNCTIONS: EvalFunction[] = [mvfilterFunction, mvmapFunction, mvrangeFunction];
