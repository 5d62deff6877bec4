// BY values: the text groups are keyed by, compact copies kept by groups, and splitting multivalue BY fields per value.
import { scalarToString, type Event, type Scalar } from '../runtime/event.js';
import { ownString } from '../util/own-string.js';

/**
 * The text a BY value groups by: 5 and "5" are one group. Splunk keeps a JSON number as its text, so -0 is the
 * group "-0", apart from 0 (JavaScript's String(-0) is "0"; without this, which of the two a merged group kept
 * depended on which thread saw it first).
 */
export function groupText(v: Scalar): string {
  if (typeof v === 'string') return v;
  return v === 0 && 1 / v < 0 ? '-0' : scalarToString(v);
}

/**
 * One index key for several BY values: each value's group text after its length (`3:abc1:x`), so no two lists of
 * texts give the same key whatever characters they hold. A table with several BY fields indexes its groups by it in
 * one Map (one entry and one string per group, instead of one Map level per field per distinct prefix).
 */
export function joinedGroupKey(values: readonly Scalar[], depth: number): string {
  let key = '';
  for (let i = 0; i < depth; i++) {
    const text = groupText(values[i]!);
    key += text.length + ':' + text;
  }
  return key;
}

/** A BY value as a group keeps it: strings copied into a compact string of their own (ownString: not a slice of its line). */
export function ownValue(v: Scalar): Scalar {
  return typeof v === 'string' ? ownString(v) : v;
}

function dedupeByText(values: Scalar[]): Scalar[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const text = groupText(v);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * The BY value combinations of an event with a multivalue BY field: one per value (every combination when several
 * fields are multivalue), duplicates kept unless `dedupSplitValues`. Null when a BY field is missing.
 */
export function splitByValues(ev: Event, byFields: string[], dedupSplitValues: boolean): Scalar[][] | null {
  let out: Scalar[][] = [[]];
  for (const field of byFields) {
    const v = ev.get(field);
    if (v === undefined) return null;
    const list = !Array.isArray(v) ? [v] : dedupSplitValues ? dedupeByText(v) : v;
    out = out.flatMap((prefix) => list.map((item) => [...prefix, item]));
  }
  return out;
}
