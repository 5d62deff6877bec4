// Output order of groups: ascending by BY values, numbers numerically before all non-numeric text (UTF-8 byte order).
import { compareUtf8 } from '../search/utf8-order.js';
import { toNumber, type Event, type Scalar } from '../runtime/event.js';
import type { Group } from './compile.js';
import { groupText } from './group-keys.js';

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
    const text = groupText(v);
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
 * Groups in output order, whatever the number of BY fields: compareSortKeys's order, computed as ranks (orderRows),
 * stably (rows with equal BY values keep their order). (A comparator over per-group keys took ~3 µs a comparison with
 * 90k groups whose texts share long prefixes: the dense bench shape's decoy sourcetypes.)
 */
export function orderGroups<G extends ByValued>(groups: readonly G[]): G[] {
  if (groups.length < 2) return [...groups];
  const depth = groups[0]!.byValues.length;
  const columns = Array.from({ length: depth }, (_, field) => groups.map((g) => g.byValues[field]!));
  return Array.from(orderRows(columns, groups.length), (i) => groups[i]!);
}

/**
 * Row numbers in output order for groups given as BY-value columns (`columns[f][i]`: row i's value of field f), stable
 * (rows with the same texts keep their order). A BY value's sort key is a function of its text, so per field the distinct texts are
 * ordered once (numbers by number, then texts natively when plain, as orderSingleFieldGroups does) and each row gets
 * its texts' ranks. One field: the ranks place the rows. Several: rows sort by their ranks as one number (mixed
 * radix, the row number in the lowest digit) in a native typed-array sort while that number stays exact (below
 * `exactLimit`), else by a comparator over the ranks.
 */
export function orderRows(columns: readonly (readonly Scalar[])[], count: number, exactLimit = Number.MAX_SAFE_INTEGER): Int32Array {
  const order = new Int32Array(count);
  if (count === 0) return order;
  const ranked = columns.map((column) => columnRanks(column, count));
  if (ranked.length === 1) return placeByRank(ranked[0]!.ranks, ranked[0]!.distinct, count, order);
  let span = count;
  for (const { distinct } of ranked) span *= distinct;
  if (span <= exactLimit) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      let key = 0;
      for (const { ranks, distinct } of ranked) key = key * distinct + ranks[i]!;
      keys[i] = key * count + i;
    }
    keys.sort();
    for (let i = 0; i < count; i++) order[i] = keys[i]! % count;
    return order;
  }
  const rows = Array.from(order.keys());
  rows.sort((a, b) => {
    for (const { ranks } of ranked) {
      const c = ranks[a]! - ranks[b]!;
      if (c !== 0) return c;
    }
    return 0;
  });
  order.set(rows);
  return order;
}

/** Rows placed by one field's ranks, stably: directly when every rank is distinct, else by a counting sort. */
function placeByRank(ranks: Int32Array, distinct: number, count: number, order: Int32Array): Int32Array {
  if (distinct === count) {
    for (let i = 0; i < count; i++) order[ranks[i]!] = i;
    return order;
  }
  const next = new Int32Array(distinct + 1);
  for (let i = 0; i < count; i++) next[ranks[i]! + 1]!++;
  for (let r = 1; r <= distinct; r++) next[r]! += next[r - 1]!;
  for (let i = 0; i < count; i++) order[next[ranks[i]!]!++] = i;
  return order;
}

/** Per row, the rank of its value among the column's distinct texts, in compareSortKeys's order; and how many there are. */
function columnRanks(column: readonly Scalar[], count: number): { ranks: Int32Array; distinct: number } {
  // Each distinct text gets an id as first seen (one Map lookup a row); the ids are ranked once, then rows read theirs.
  const idOf = new Map<string, number>();
  const ids = new Int32Array(count);
  const numeric: Array<{ num: number; text: string; id: number }> = [];
  const plainTexts: string[] = [];
  let allPlain = true;
  for (let i = 0; i < count; i++) {
    const v = column[i]!;
    const text = groupText(v);
    let id = idOf.get(text);
    if (id === undefined) {
      idOf.set(text, (id = idOf.size));
      const num = numberOf(v);
      if (!Number.isNaN(num)) numeric.push({ num, text, id });
      else {
        plainTexts.push(text);
        allPlain &&= isPlain(text);
      }
    }
    ids[i] = id;
  }
  numeric.sort((a, b) => a.num - b.num || compareUtf8(a.text, b.text));
  if (allPlain) plainTexts.sort();
  else plainTexts.sort(compareUtf8);
  const rankOfId = new Int32Array(idOf.size);
  let rank = 0;
  for (const { id } of numeric) rankOfId[id] = rank++;
  for (const text of plainTexts) rankOfId[idOf.get(text)!] = rank++;
  const ranks = new Int32Array(count);
  for (let i = 0; i < count; i++) ranks[i] = rankOfId[ids[i]!]!;
  return { ranks, distinct: rank };
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
    const text = groupText(v);
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
