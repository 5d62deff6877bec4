// Output order of groups: ascending by BY values, numbers numerically before all non-numeric text (UTF-8 byte order).
import { compareUtf8 } from '../search/utf8-order.js';
import { scalarToString, toNumber, type Event, type Scalar } from '../runtime/event.js';
import type { Group } from './compile.js';

/** Sort key of one BY value. */
export interface SortKey {
  /** The value as a number; NaN when it is not numeric (then it sorts as text, after all numbers). */
  num: number;
  text: string;
  /** No UTF-16 unit at or above U+D800: then code-unit order (the native `<`) is UTF-8 byte order. */
  plain: boolean;
}

const NOT_PLAIN = /[\ud800-\uffff]/;

const isPlain = (text: string): boolean => !NOT_PLAIN.test(text);

function numberOf(v: Scalar): number {
  return typeof v === 'boolean' ? NaN : toNumber(v);
}

export function sortKeysOf(values: readonly Scalar[]): SortKey[] {
  return values.map((v) => {
    const text = scalarToString(v);
    return { num: numberOf(v), text, plain: isPlain(text) };
  });
}

/** UTF-8 byte order of two keys' texts, natively when both are plain. */
function compareTexts(x: SortKey, y: SortKey): number {
  if (x.plain && y.plain) return x.text < y.text ? -1 : x.text > y.text ? 1 : 0;
  return compareUtf8(x.text, y.text);
}

/** Ascending order of two groups by their BY values' sort keys (numeric ties fall back to the text, e.g. 1 vs 1.0). */
export function compareSortKeys(a: readonly SortKey[], b: readonly SortKey[]): number {
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

/** Anything with a group's BY values (a Group, or a row held with the BY values of its group). */
export interface ByValued {
  byValues: readonly Scalar[];
}

/**
 * Groups in output order, whatever the number of BY fields: compareSortKeys's order, computed as ranks. A BY
 * value's sort key is a function of its text, so per field the distinct texts are ordered once (numbers by number,
 * then texts natively when plain, as orderSingleFieldGroups does) and each group gets its texts' ranks; groups then
 * sort by integer ranks, stably (equal BY values keep their order). (A comparator over per-group keys took ~3 µs a comparison with 90k groups whose texts share
 * long prefixes: the dense bench shape's decoy sourcetypes.)
 */
export function orderGroups<G extends ByValued>(groups: readonly G[]): G[] {
  if (groups.length < 2) return [...groups];
  const depth = groups[0]!.byValues.length;
  const ranks = Array.from({ length: depth }, (_, field) => fieldRanks(groups, field));
  const order = Array.from(groups.keys());
  order.sort((a, b) => {
    for (let f = 0; f < depth; f++) {
      const c = ranks[f]![a]! - ranks[f]![b]!;
      if (c !== 0) return c;
    }
    return 0;
  });
  return order.map((i) => groups[i]!);
}

/** Per group, the rank of its BY value `field` among the distinct texts of that field, in compareSortKeys's order. */
function fieldRanks(groups: readonly ByValued[], field: number): Int32Array {
  const texts = groups.map((g) => scalarToString(g.byValues[field]!));
  const rankOf = new Map<string, number>();
  const numeric: Array<{ num: number; text: string }> = [];
  const plainTexts: string[] = [];
  let allPlain = true;
  groups.forEach((g, i) => {
    const text = texts[i]!;
    if (rankOf.has(text)) return;
    rankOf.set(text, 0);
    const num = numberOf(g.byValues[field]!);
    if (!Number.isNaN(num)) numeric.push({ num, text });
    else {
      plainTexts.push(text);
      allPlain &&= isPlain(text);
    }
  });
  numeric.sort((a, b) => a.num - b.num || compareUtf8(a.text, b.text));
  if (allPlain) plainTexts.sort();
  else plainTexts.sort(compareUtf8);
  let rank = 0;
  for (const { text } of numeric) rankOf.set(text, rank++);
  for (const text of plainTexts) rankOf.set(text, rank++);
  return Int32Array.from(texts, (text) => rankOf.get(text)!);
}

interface NumericGroup {
  num: number;
  text: string;
  group: Group;
}

/**
 * Groups of one BY field in output order, cheaply: numeric values sort by number, and the texts (distinct, as a
 * group's text is its key) sort as plain strings with the native order when none has a unit at or above U+D800;
 * `groupOfText` maps each sorted text back to its group.
 */
export function orderSingleFieldGroups(groups: readonly Group[], groupOfText: (text: string) => Group): Group[] {
  const numeric: NumericGroup[] = [];
  const texts: string[] = [];
  let allPlain = true;
  for (const group of groups) {
    const v = group.byValues[0]!;
    const text = scalarToString(v);
    const num = numberOf(v);
    if (!Number.isNaN(num)) numeric.push({ num, text, group });
    else {
      texts.push(text);
      allPlain &&= isPlain(text);
    }
  }
  numeric.sort((a, b) => a.num - b.num || compareUtf8(a.text, b.text));
  // Without a comparator, Array#sort orders strings by UTF-16 code units, which is UTF-8 byte order for plain texts.
  if (allPlain) texts.sort();
  else texts.sort(compareUtf8);
  const ordered = numeric.map((entry) => entry.group);
  for (const text of texts) ordered.push(groupOfText(text));
  return ordered;
}

/**
 * The output order of stats rows (forEachRow's), read from the rows' BY fields; null when a row may not carry its
 * group's BY values there (an aggregate output named like a BY field, or a wildcard output that may be).
 * Keys are computed once per row, on first comparison.
 */
export function groupRowOrder(byFields: readonly string[], columns: readonly string[]): ((a: Event, b: Event) => number) | null {
  if (byFields.length === 0) return null;
  const outputs = columns.slice(byFields.length);
  if (outputs.some((name) => name.includes('*') || byFields.includes(name))) return null;
  const keys = new WeakMap<Event, SortKey[]>();
  const keysOf = (row: Event): SortKey[] => {
    let k = keys.get(row);
    if (k === undefined) {
      k = sortKeysOf(byFields.map((f) => row.get(f) as Scalar));
      keys.set(row, k);
    }
    return k;
  };
  return (a, b) => compareSortKeys(keysOf(a), keysOf(b));
}
