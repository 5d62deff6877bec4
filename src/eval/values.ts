// Runtime helpers on eval values: scalar/multivalue views, number and text readings, result normalisation.
import { numberToString, toNumber, type FieldValue, type Scalar } from '../runtime/event.js';
import type { EvalValue, ValueKind } from './types.js';

/** Reads a scalar as a number, or undefined when it is not one (chosen per argument kind at compile time). */
export type NumberReader = (v: Scalar) => number | undefined;

function readStrictNumber(v: Scalar): number | undefined {
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

function readLooseNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v !== 'string') return undefined;
  const n = toNumber(v);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * The number reading for values of this kind: strings from events (`any`) that read as numbers are numbers;
 * strings known to be strings (literals, string functions) never are.
 */
export function numberReader(kind: ValueKind): NumberReader {
  return kind === 'string' || kind === 'json' ? readStrictNumber : readLooseNumber;
}

/** The single scalar of a value: a one-element multivalue counts as its element; null and longer multivalues give null. */
export function asScalar(v: EvalValue): Scalar | null {
  if (!Array.isArray(v)) return v;
  return v.length === 1 ? v[0]! : null;
}

/** All values of a value as a list (empty for null). */
export function valueList(v: EvalValue): Scalar[] {
  if (v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** A list of values as an eval result: none → null, one → that scalar, more → a multivalue. */
export function listResult(list: Scalar[]): EvalValue {
  if (list.length === 0) return null;
  return list.length === 1 ? list[0]! : list;
}

/** Text of a scalar for string operations: numbers as Splunk prints them; booleans are not text (null). */
export function scalarText(v: Scalar): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  return null;
}

/** A numeric result: NaN and infinities (e.g. sqrt(-1), overflow) become null. */
export function numberResult(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Apply a one-value function to each value: multivalues map value by value (dropping nulls), null stays null. */
export function mapValues(v: EvalValue, fn: (s: Scalar) => Scalar | null): EvalValue {
  if (v === null) return null;
  if (!Array.isArray(v)) return fn(v);
  const out: Scalar[] = [];
  for (const item of v) {
    const r = fn(item);
    if (r !== null) out.push(r);
  }
  return listResult(out);
}

/** Truth of a condition value: true/false for booleans, null for everything else (three-valued logic). */
export function truthOf(v: EvalValue): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** A field's value as an eval value: missing → null; JSON booleans read as "true"/"false" (fields hold no Booleans). */
export function fieldValue(v: FieldValue | undefined): EvalValue {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v) && v.some((item) => typeof item === 'boolean')) {
    return v.map((item) => (typeof item === 'boolean' ? (item ? 'true' : 'false') : item));
  }
  return v;
}
