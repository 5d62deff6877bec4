// Compilers for three-valued logic (AND OR XOR NOT), LIKE and IN.
import type { Scalar } from '../runtime/event.js';
import { anyPair, scalarComparator } from './compare.js';
import { preparedArg } from './functions/define.js';
import { likePatternRegex } from './like.js';
import type { CompiledArg, EvalValue, Evaluator } from './types.js';
import { numberReader, scalarText, truthOf, valueList } from './values.js';

/** `AND`: false wins over null, null over true; the right side is skipped when the left is false. */
export function compileAnd(left: CompiledArg, right: CompiledArg): Evaluator {
  return (ev) => {
    const a = truthOf(left.evaluate(ev));
    if (a === false) return false;
    const b = truthOf(right.evaluate(ev));
    if (b === false) return false;
    return a === true && b === true ? true : null;
  };
}

/** `OR`: true wins over null, null over false; the right side is skipped when the left is true. */
export function compileOr(left: CompiledArg, right: CompiledArg): Evaluator {
  return (ev) => {
    const a = truthOf(left.evaluate(ev));
    if (a === true) return true;
    const b = truthOf(right.evaluate(ev));
    if (b === true) return true;
    return a === false && b === false ? false : null;
  };
}

/** `XOR`: null if either side is null. */
export function compileXor(left: CompiledArg, right: CompiledArg): Evaluator {
  return (ev) => {
    const a = truthOf(left.evaluate(ev));
    if (a === null) return null;
    const b = truthOf(right.evaluate(ev));
    return b === null ? null : a !== b;
  };
}

/** `NOT`: null stays null. */
export function compileNot(operand: CompiledArg): Evaluator {
  return (ev) => {
    const a = truthOf(operand.evaluate(ev));
    return a === null ? null : !a;
  };
}

/** Whether any value of `subject` matches `re` (null when there is no text to test). */
export function anyValueMatches(subject: EvalValue, re: { test(text: string): boolean }): boolean | null {
  let sawText = false;
  for (const v of valueList(subject)) {
    const text = scalarText(v);
    if (text === null) continue;
    sawText = true;
    if (re.test(text)) return true;
  }
  return sawText ? false : null;
}

/** `text LIKE pattern` and like(text, pattern); a literal pattern is compiled here, once. */
export function compileLike(text: CompiledArg, pattern: CompiledArg): Evaluator {
  const regex = preparedArg(pattern, likePatternRegex);
  return (ev) => {
    const re = regex(ev);
    return re === null ? null : anyValueMatches(text.evaluate(ev), re);
  };
}

/** `x [NOT] IN (v1, ...)` and in(x, v1, ...): equality as for `=`, any value of x against any listed value. */
export function compileIn(subject: CompiledArg, candidates: CompiledArg[], negated: boolean): Evaluator {
  const readSubject = numberReader(subject.kind);
  const tests = candidates.map((c) => {
    const compare = scalarComparator(readSubject, numberReader(c.kind));
    return { evaluate: c.evaluate, equal: (a: Scalar, b: Scalar) => compare(a, b) === 0 };
  });
  return (ev) => {
    const value = subject.evaluate(ev);
    if (value === null) return null;
    let found = false;
    for (const t of tests) {
      if (anyPair(value, t.evaluate(ev), t.equal) === true) {
        found = true;
        break;
      }
    }
    return negated ? !found : found;
  };
}
