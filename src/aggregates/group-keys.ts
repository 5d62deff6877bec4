// Group keys from BY fields (events missing one are not grouped; multivalues split per value) and the output order of groups.
import { compareUtf8 } from '../search/utf8-order.js';
import { scalarToString, toNumber, type Event, type Scalar } from '../runtime/event.js';

/** One group an event belongs to: a string key (unique per combination of BY values as text) and those values. */
export interface GroupKey {
  key: string;
  values: Scalar[];
}

export type GroupKeyReader = (ev: Event) => GroupKey[];

const NO_GROUPS: GroupKey[] = [];
const SINGLE_GROUP: GroupKey[] = [{ key: '', values: [] }];

/** Key of several BY values: each part length-prefixed, so no choice of values can collide. */
function joinKey(values: Scalar[]): string {
  let key = '';
  for (const v of values) {
    const text = scalarToString(v);
    key += `${text.length}:${text}`;
  }
  return key;
}

function dedupeByText(values: Scalar[]): Scalar[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const text = scalarToString(v);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** Every combination of one value per field (the cartesian product), in field and value order. */
function combinations(lists: Scalar[][]): Scalar[][] {
  let out: Scalar[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}

/**
 * The groups of an event for these BY fields. No BY fields: every event is in the one group. A missing BY field:
 * no group. A multivalue BY field: one group per value (duplicates kept unless `dedupSplitValues`).
 */
export function compileGroupKeys(byFields: string[], dedupSplitValues: boolean): GroupKeyReader {
  if (byFields.length === 0) return () => SINGLE_GROUP;
  const keyOf = byFields.length === 1 ? (values: Scalar[]) => scalarToString(values[0]!) : joinKey;
  return (ev) => {
    const values: Scalar[] = [];
    let lists: Scalar[][] | null = null;
    for (let i = 0; i < byFields.length; i++) {
      const v = ev.get(byFields[i]!);
      if (v === undefined) return NO_GROUPS;
      if (Array.isArray(v)) {
        lists ??= values.map((s) => [s]);
        lists.push(dedupSplitValues ? dedupeByText(v) : v);
      } else {
        values.push(v);
        lists?.push([v]);
      }
    }
    if (lists) return combinations(lists).map((combo) => ({ key: keyOf(combo), values: combo }));
    return [{ key: keyOf(values), values }];
  };
}

/** Sort key of one BY value: numbers order numerically, before all non-numeric text (UTF-8 byte order). */
interface SortKey {
  num: number;
  text: string;
}

export function sortKeysOf(values: Scalar[]): SortKey[] {
  return values.map((v) => ({ num: typeof v === 'boolean' ? NaN : toNumber(v), text: scalarToString(v) }));
}

/** Ascending order of two groups by their BY values' sort keys (numeric ties fall back to the text, e.g. 1 vs 1.0). */
export function compareSortKeys(a: SortKey[], b: SortKey[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xNumeric = !Number.isNaN(x.num);
    const yNumeric = !Number.isNaN(y.num);
    let c: number;
    if (xNumeric && yNumeric) c = x.num - y.num || compareUtf8(x.text, y.text);
    else if (xNumeric !== yNumeric) c = xNumeric ? -1 : 1;
    else c = compareUtf8(x.text, y.text);
    if (c !== 0) return c;
  }
  return 0;
}
