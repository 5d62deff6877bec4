// Conversions between eval values and JSON values, for the JSON functions and spath.
import { numberToString, type Scalar } from '../../runtime/event.js';
import type { EvalValue, ValueKind } from '../types.js';
import { listResult } from '../values.js';
import { parseJsonExact } from '../../util/exact-json.js';

/** Parse JSON text; undefined when it is not valid JSON. */
export function parseJson(text: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    return undefined;
  }
}

function looksLikeJsonContainer(s: string): boolean {
  const first = s.trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * A scalar as a JSON value. JSON results (and event values that hold a JSON object or array) are embedded as
 * JSON; event text that is a canonical number (e.g. "30", not "007") becomes a number; other text stays a string.
 */
function scalarToJson(v: Scalar, kind: ValueKind): unknown {
  if (typeof v !== 'string') return v;
  if ((kind === 'json' || kind === 'any') && looksLikeJsonContainer(v)) {
    const parsed = parseJson(v);
    if (parsed !== undefined) return parsed;
  }
  if (kind === 'any' && v !== '' && numberToString(Number(v)) === v) return Number(v);
  return v;
}

/** An eval value as a JSON value: null → null, multivalue → array. */
export function toJsonValue(v: EvalValue, kind: ValueKind): unknown {
  if (v === null) return null;
  return Array.isArray(v) ? v.map((item) => scalarToJson(item, kind)) : scalarToJson(v, kind);
}

/** A JSON value as an eval scalar: strings and numbers as they are, true/false as text, containers as JSON text. */
export function jsonToScalar(x: unknown): Scalar | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return JSON.stringify(x);
}

/** Several JSON values as an eval value (multivalue when more than one). */
export function jsonListToValue(items: unknown[]): EvalValue {
  const out: Scalar[] = [];
  for (const item of items) {
    const s = jsonToScalar(item);
    if (s !== null) out.push(s);
  }
  return listResult(out);
}
