// Statistical eval functions over all values of all arguments: max min avg random.
import { scalarToString, type Scalar } from '../../runtime/event.js';
import { compareUtf8 } from '../../search/utf8-order.js';
import type { CompiledArg, EvalFunction, Evaluator } from '../types.js';
import { numberReader, valueList, type NumberReader } from '../values.js';
import { constantFunction } from './define.js';
import { commonKind } from './kinds.js';

/** Each argument's values paired with the number reading for its kind. */
function collect(args: CompiledArg[]): (ev: Parameters<Evaluator>[0]) => Array<{ value: Scalar; number: number | undefined }> {
  const readers: Array<{ evaluate: Evaluator; read: NumberReader }> = args.map((a) => ({ evaluate: a.evaluate, read: numberReader(a.kind) }));
  return (ev) => {
    const out: Array<{ value: Scalar; number: number | undefined }> = [];
    for (const { evaluate, read } of readers) {
      for (const value of valueList(evaluate(ev))) if (typeof value !== 'boolean') out.push({ value, number: read(value) });
    }
    return out;
  };
}

/** Order for max/min: numbers numerically, strings lexicographically, and every string above every number. */
function order(a: { value: Scalar; number: number | undefined }, b: { value: Scalar; number: number | undefined }): number {
  if (a.number !== undefined && b.number !== undefined) return a.number - b.number;
  if (a.number !== undefined) return -1;
  if (b.number !== undefined) return 1;
  return compareUtf8(scalarToString(a.value), scalarToString(b.value));
}

function extremeFunction(name: string, wantGreater: boolean): EvalFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: Infinity,
    result: commonKind,
    compile(args) {
      const values = collect(args);
      return (ev) => {
        let best: { value: Scalar; number: number | undefined } | undefined;
        for (const item of values(ev)) {
          if (best === undefined || order(item, best) * (wantGreater ? 1 : -1) > 0) best = item;
        }
        return best === undefined ? null : best.value;
      };
    },
  };
}

/** avg(...): mean of the numeric values, null when there are none. */
const avgFunction: EvalFunction = {
  name: 'avg',
  minArgs: 1,
  maxArgs: Infinity,
  result: 'number',
  compile(args) {
    const values = collect(args);
    return (ev) => {
      let sum = 0;
      let count = 0;
      for (const { number } of values(ev)) {
        if (number === undefined) continue;
        sum += number;
        count++;
      }
      return count === 0 ? null : sum / count;
    };
  },
};

export const STATISTICAL_FUNCTIONS: EvalFunction[] = [
  extremeFunction('max', true),
  extremeFunction('min', false),
  avgFunction,
  constantFunction('random', 'number', () => Math.floor(Math.random() * 2 ** 31)),
];
