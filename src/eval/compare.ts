// Splunk eval comparison: numeric when both sides read as numbers, else case-sensitive UTF-8 byte order; multivalues match if any value does.
import { scalarToString, type Scalar } from '../runtime/event.js';
import { compareUtf8 } from '../search/utf8-order.js';
import type { EvalValue } from './types.js';
import { valueList, type NumberReader } from './values.js';

/** Order of two scalars: negative, zero or positive. */
export type ScalarComparator = (a: Scalar, b: Scalar) => number;

/** A comparator for operands read with these number readings (fixed at compile time). */
export function scalarComparator(readLeft: NumberReader, readRight: NumberReader): ScalarComparator {
  return (a, b) => {
    const x = readLeft(a);
    const y = readRight(b);
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
    return compareUtf8(scalarToString(a), scalarToString(b));
  };
}

/** Whether `test` holds for some pair of values of the two sides; null when either side has no value. */
export function anyPair(left: EvalValue, right: EvalValue, test: (a: Scalar, b: Scalar) => boolean): boolean | null {
  if (left === null || right === null) return null;
  const ls = valueList(left);
  const rs = valueList(right);
  for (const a of ls) {
    for (const b of rs) if (test(a, b)) return true;
  }
  return false;
}

export type ComparisonOp = '=' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/** The test a comparison operator applies to a comparator result. */
export function comparisonTest(op: ComparisonOp, compare: ScalarComparator): (a: Scalar, b: Scalar) => boolean {
  switch (op) {
    case '=':
    case '==':
      return (a, b) => compare(a, b) === 0;
    case '!=':
      return (a, b) => compare(a, b) !== 0;
    case '<':
      return (a, b) => compare(a, b) < 0;
    case '<=':
      return (a, b) => compare(a, b) <= 0;
    case '>':
      return (a, b) => compare(a, b) > 0;
    case '>=':
      return (a, b) => compare(a, b) >= 0;
  }
}
