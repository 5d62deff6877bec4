// BY values: the text groups are keyed by, splitting multivalue BY fields per value, and the output order of groups.
import { compareUtf8 } from '../search/utf8-order.js';
import { scalarToString, toNumber, type Event, type Scalar } from '../runtime/event.js';

/** The text a BY value groups by: 5 and "5" are one group. */
export function groupText(v: Scalar): string {
  return typeof v === 'string' ? v : scalarToString(v);
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

/** Sort key of one BY value: numbers order numerically, before all non-numeric text (UTF-8 byte order). */
interface SortKey {
  num: number;
  text: string;
  /** No UTF-16 unit at or above U+D800: then code-unit order (the native `<`) is UTF-8 byte order. */
  plain: boolean;
}

const NOT_PLAIN = /[\ud800-\uffff]/;

export function sortKeysOf(values: Scalar[]): SortKey[] {
  return values.map((v) => {
    const text = scalarToString(v);
    return { num: typeof v === 'boolean' ? NaN : toNumber(v), text, plain: !NOT_PLAIN.test(text) };
  });
}

/** UTF-8 byte order of two keys' texts, natively when both are plain. */
function compareTexts(x: SortKey, y: SortKey): number {
  if (x.plain && y.plain) return x.text < y.text ? -1 : x.text > y.text ? 1 : 0;
  return compareUtf8(x.text, y.text);
}

/** Ascending order of two groups by their BY values' sort keys (numeric ties fall back to the text, e.g. 1 vs 1.0). */
export function compareSortKeys(a: SortKey[], b: SortKey[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xNumeric = !Number.isNaN(x.num);
    const yNumeric = !Number.isNaN(y.num);
    let c: number;
    if (xNumeric && yNumeric) c = x.num - y.num || compareTexts(x, y);
    else if (xNumeric !== yNumeric) c = xNumeric ? -1 : 1;
    else c = compareTexts(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
