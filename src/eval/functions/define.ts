// Builders for the common shapes of eval functions (one value mapped per value, numeric functions) and argument readers.
import { numberToString, type Scalar } from '../../runtime/event.js';
import { memoizeBuild } from '../cache.js';
import type { CompiledArg, EvalFunction, Evaluator, ValueKind } from '../types.js';
import { asScalar, mapValues, numberReader, numberResult, scalarText, type NumberReader } from '../values.js';

/** A one-argument function applied to each value of its argument (multivalues map value by value; null stays null). */
function perValueFunction(name: string, result: ValueKind, apply: (v: Scalar, read: NumberReader) => Scalar | null): EvalFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    result,
    compile([arg]) {
      const read = numberReader(arg!.kind);
      const one = (v: Scalar): Scalar | null => apply(v, read);
      return (ev) => mapValues(arg!.evaluate(ev), one);
    },
  };
}

/** A one-argument text function, per value; numbers are taken as their printed text. */
export function textFunction(name: string, apply: (text: string) => Scalar | null, result: ValueKind = 'string'): EvalFunction {
  return perValueFunction(name, result, (v) => {
    const text = scalarText(v);
    return text === null ? null : apply(text);
  });
}

/** A one-argument numeric function, per value; non-numbers and non-finite results give null. */
export function numericFunction(name: string, apply: (x: number) => number): EvalFunction {
  return perValueFunction(name, 'number', (v, read) => {
    const x = read(v);
    return x === undefined ? null : numberResult(apply(x));
  });
}

/** Reads an argument as a single number (null when absent or not numeric). */
export function numberArg(arg: CompiledArg): (ev: Parameters<Evaluator>[0]) => number | null {
  const read = numberReader(arg.kind);
  return (ev) => {
    const v = asScalar(arg.evaluate(ev));
    return v === null ? null : (read(v) ?? null);
  };
}

/** Reads an argument as single-value text (null when absent, Boolean or multivalue). */
export function textArg(arg: CompiledArg): (ev: Parameters<Evaluator>[0]) => string | null {
  return (ev) => {
    const v = asScalar(arg.evaluate(ev));
    return v === null ? null : scalarText(v);
  };
}

/** A two-argument numeric function (both single numbers). */
export function numericBinaryFunction(name: string, apply: (x: number, y: number) => number): EvalFunction {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    result: 'number',
    compile([a, b]) {
      const x = numberArg(a!);
      const y = numberArg(b!);
      return (ev) => {
        const p = x(ev);
        if (p === null) return null;
        const q = y(ev);
        return q === null ? null : numberResult(apply(p, q));
      };
    },
  };
}

/** The text of a literal argument, or undefined when the argument is not a literal. */
function literalText(arg: CompiledArg): string | undefined {
  if (arg.literal === undefined) return undefined;
  return typeof arg.literal === 'number' ? numberToString(arg.literal) : String(arg.literal);
}

/** A function of no arguments. */
export function constantFunction(name: string, result: ValueKind, evaluate: Evaluator): EvalFunction {
  return { name, minArgs: 0, maxArgs: 0, result, compile: () => evaluate };
}

/**
 * An argument turned into a prepared object (regex, format, CIDR...). A literal is built once, here, so its
 * errors surface at compile time; a dynamic value is built once per distinct value, and a bad one gives null.
 */
export function preparedArg<T>(arg: CompiledArg, build: (text: string) => T): (ev: Parameters<Evaluator>[0]) => T | null {
  const text = literalText(arg);
  if (text !== undefined) {
    const built = build(text);
    return () => built;
  }
  const cached = memoizeBuild(build);
  const read = textArg(arg);
  return (ev) => {
    const t = read(ev);
    return t === null ? null : cached(t);
  };
}
