// Multivalue functions that iterate: mvfilter and mvmap (expression per value, field bound to it) and mvrange.
import type { EvalExpr } from '../../ast.js';
import { SplError, type Span } from '../../errors.js';
import type { Scalar } from '../../runtime/event.js';
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

const SPAN_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const MAX_RANGE_VALUES = 100000;

/** A step: a number, or a time span like "7d" (s, m, h, d, w) in seconds. */
function parseStep(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(text);
  if (m === null) throw new Error(`"${text}" is not a number or time span`);
  return Number(m[1]) * (SPAN_UNITS[(m[2] || 's').toLowerCase()] ?? 1);
}

/** mvrange(start, end[, step=1]): start, start+step, ... up to but excluding end. */
const mvrangeFunction: EvalFunction = {
  name: 'mvrange',
  minArgs: 2,
  maxArgs: 3,
  result: 'number',
  compile([startArg, endArg, stepArg]) {
    const start = numberArg(startArg!);
    const end = numberArg(endArg!);
    const step = stepArg === undefined ? () => 1 : preparedArg(stepArg, parseStep);
    return (ev) => {
      const a = start(ev);
      const b = end(ev);
      const s = step(ev);
      if (a === null || b === null || s === null || s <= 0 || (b - a) / s > MAX_RANGE_VALUES) return null;
      const out: Scalar[] = [];
      for (let x = a; x < b; x += s) out.push(x);
      return listResult(out);
    };
  },
};

export const MV_ITERATE_FUNCTIONS: EvalFunction[] = [mvfilterFunction, mvmapFunction, mvrangeFunction];
