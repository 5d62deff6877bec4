// Flatten parsed JSON into Splunk-style field names: nested objects `a.b`, arrays `a{}` / `a{}.c` as multivalues.
import type { FieldValue, Scalar } from './event.js';

/** Add every field of `obj` (a parsed JSON object) to `out`, Splunk-style. JSON null and empty arrays/objects make no field. */
export function flattenInto(obj: Record<string, unknown>, out: Map<string, FieldValue>, prefix = ''): void {
  for (const key of Object.keys(obj)) {
    addValue(prefix === '' ? key : `${prefix}.${key}`, obj[key], out);
  }
}

function addValue(name: string, value: unknown, out: Map<string, FieldValue>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) addArrayItem(`${name}{}`, item, out);
    return;
  }
  if (typeof value === 'object') {
    flattenInto(value as Record<string, unknown>, out, name);
    return;
  }
  out.set(name, value as Scalar);
}

/** Array elements append to the multivalue of their path. */
function addArrayItem(name: string, item: unknown, out: Map<string, FieldValue>): void {
  if (item === null || item === undefined) return;
  if (Array.isArray(item)) {
    for (const inner of item) addArrayItem(`${name}{}`, inner, out);
    return;
  }
  if (typeof item === 'object') {
    const nested = new Map<string, FieldValue>();
    flattenInto(item as Record<string, unknown>, nested, name);
    for (const [k, v] of nested) appendValue(out, k, v);
    return;
  }
  appendValue(out, name, item as Scalar);
}

function appendValue(out: Map<string, FieldValue>, name: string, v: FieldValue): void {
  const prev = out.get(name);
  if (prev === undefined) {
    out.set(name, Array.isArray(v) ? [...v] : [v]);
    return;
  }
  const list = Array.isArray(prev) ? prev : [prev];
  if (Array.isArray(v)) list.push(...v);
  else list.push(v);
  out.set(name, list);
}
