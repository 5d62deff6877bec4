// Field comparisons of `search`: whole-value =/!= with wildcards and CIDR, ordered < <= > >=, multivalue rules.
import { scalarToString, toNumber, type FieldValue, type Scalar } from '../runtime/event.js';
import { compileCidrMatcher, parseCidr } from './cidr.js';
import { compileGlob } from './glob.js';
import { compareUtf8 } from './utf8-order.js';

export interface ValueOptions {
  /** CASE(value): compare case-sensitively. */
  caseSensitive?: boolean;
  /** TERM(value): no effect on a whole-value comparison (the whole value is compared either way). */
  termMode?: boolean;
}

export type ValuePredicate = (v: Scalar) => boolean;

/**
 * Compile the right side of `field=value`: the whole value must match, case-insensitively unless CASE, with `*`
 * matching any characters. Values compare as text (`1` does not match `1.0`; the number 5 matches `5`; booleans
 * are `true`/`false`). A CIDR value (`10.0.0.0/8`, `2001:db8::/32`) matches addresses in that subnet.
 */
export function compileValueMatcher(value: string, opts: ValueOptions = {}): ValuePredicate {
  if (/^\**$/.test(value) && value !== '') return () => true;
  const cidr = value.includes('*') ? undefined : parseCidr(value);
  if (cidr) {
    const inSubnet = compileCidrMatcher(cidr);
    return (v) => typeof v === 'string' && inSubnet(v);
  }
  if (opts.caseSensitive) {
    const matches = compileGlob(value);
    return (v) => matches(scalarToString(v));
  }
  const matches = compileGlob(value.toLowerCase());
  const text: ValuePredicate = (v) => matches(scalarToString(v).toLowerCase());
  // An integer matches a plain integer value exactly when it is that integer (EventCode=1); other numbers print
  // in ways that may surprise (5e-324 prints as 0), so they are compared as text.
  const integer = plainIntegerOf(value);
  if (integer !== undefined) return lastAnswerKept((v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v === integer : text(v)));
  return lastAnswerKept(text);
}

/** The number a value such as `4688` or `-1` writes as Splunk prints it (a safe integer, no sign or zero padding), else undefined. */
export function plainIntegerOf(value: string): number | undefined {
  if (!/^-?(0|[1-9][0-9]*)$/.test(value) || value === '-0') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && scalarToString(n) === value ? n : undefined;
}

/**
 * The predicate with its last answer kept: a low-cardinality field (sourcetype, EventCode) brings the same value
 * event after event, often the very same string, which then is not lower-cased and matched again.
 */
function lastAnswerKept(pred: ValuePredicate): ValuePredicate {
  let lastValue: Scalar | undefined;
  let lastAnswer = false;
  return (v) => {
    if (v !== lastValue) {
      lastAnswer = pred(v);
      lastValue = v;
    }
    return lastAnswer;
  };
}

export type OrderedOp = '<' | '<=' | '>' | '>=';

const ACCEPTS: Record<OrderedOp, (order: number) => boolean> = {
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

/** Compile `field<op>value`: numeric when both sides are numbers, else UTF-8 byte order of the texts. */
export function compileOrderedCompare(op: OrderedOp, value: string): ValuePredicate {
  const accepts = ACCEPTS[op];
  const bound = toNumber(value);
  const numericBound = !Number.isNaN(bound);
  return (v) => {
    if (numericBound) {
      const n = toNumber(v);
      if (!Number.isNaN(n)) return accepts(n < bound ? -1 : n > bound ? 1 : 0);
    }
    return accepts(compareUtf8(scalarToString(v), value));
  };
}

/** `field=value` on a field: true when any of its values satisfies `pred`; a missing field never matches. */
export function anyValue(fv: FieldValue | undefined, pred: ValuePredicate): boolean {
  if (fv === undefined) return false;
  if (!Array.isArray(fv)) return pred(fv);
  for (const v of fv) if (pred(v)) return true;
  return false;
}

/**
 * `field!=value`: true when the field exists and NONE of its values satisfies `pred`, i.e. the exact negation
 * of `=` among events that have the field (so `field!=*` never matches, spec 1.7).
 */
export function noValueMatches(fv: FieldValue | undefined, pred: ValuePredicate): boolean {
  return fv !== undefined && !anyValue(fv, pred);
}
