// Index of a WILDCARD column: cells bucketed by their literal prefix, suffix or a 3-gram, so a value is checked
// against a few candidate patterns instead of every row.
import { compileGlob } from '../search/glob.js';

/** Finds the rows whose pattern (`*` = any run of characters) matches a value; rows ascending (file order). */
export interface ColumnIndex {
  rowsMatching(value: string): number[];
  /** Does row `row`'s cell match `value`? (for checking a second key column on candidate rows) */
  rowMatches(row: number, value: string): boolean;
}

const GRAM = 3;

function push<K>(map: Map<K, number[]>, key: K, row: number): void {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(key, [row]);
}

/** Build the index over `cells` (folded here when matching ignores case); patterns compile on first use. */
export function wildcardIndex(cells: readonly string[], fold: (s: string) => string): ColumnIndex {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const suffix = new Map<string, number[]>();
  const grams = new Map<string, number[]>();
  const always: number[] = [];
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  const folded = cells.map(fold);
  /** Per row: undefined = no wildcard (exact), null = not compiled yet, else the compiled test. */
  const tests: Array<((text: string) => boolean) | null | undefined> = new Array(cells.length);
  folded.forEach((cell, row) => {
    const star = cell.indexOf('*');
    if (star < 0) {
      push(exact, cell, row);
      return;
    }
    tests[row] = null;
    const head = cell.slice(0, star);
    const tail = cell.slice(cell.lastIndexOf('*') + 1);
    if (head !== '' && head.length >= tail.length) {
      push(prefix, head, row);
      prefixLengths.add(head.length);
    } else if (tail !== '') {
      push(suffix, tail, row);
      suffixLengths.add(tail.length);
    } else {
      const longest = cell.split('*').reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length >= GRAM) push(grams, longest.slice(0, GRAM), row);
      else always.push(row);
    }
  });
  const heads = [...prefixLengths].sort((a, b) => a - b);
  const tails = [...suffixLengths].sort((a, b) => a - b);
  const hasGrams = grams.size > 0;
  /** Does row `row` match the (folded) value? */
  const matches = (row: number, value: string): boolean => {
    let test = tests[row];
    if (test === undefined) return folded[row] === value;
    if (test === null) tests[row] = test = compileGlob(folded[row]!);
    return test(value);
  };
  return {
    rowMatches: (row, value) => matches(row, fold(value)),
    rowsMatching(raw) {
      const value = fold(raw);
      const candidates: number[] = [];
      const add = (rows: number[] | undefined) => {
        if (rows) for (const r of rows) candidates.push(r);
      };
      add(exact.get(value));
      for (const n of heads) {
        if (n > value.length) break;
        add(prefix.get(value.slice(0, n)));
      }
      for (const n of tails) {
        if (n > value.length) break;
        add(suffix.get(value.slice(value.length - n)));
      }
      if (hasGrams) for (let i = 0; i + GRAM <= value.length; i++) add(grams.get(value.slice(i, i + GRAM)));
      add(always);
      if (candidates.length === 0) return candidates;
      const out: number[] = [];
      let previous = -1;
      for (const r of candidates.length > 1 ? candidates.sort((a, b) => a - b) : candidates) {
        if (r === previous) continue;
        previous = r;
        if (matches(r, value)) out.push(r);
      }
      return out;
    },
  };
}

/** Index of an exact-match column: a hash from (folded) cell to rows. */
export function exactIndex(cells: readonly string[], fold: (s: string) => string): ColumnIndex {
  const byValue = new Map<string, number[]>();
  const folded = cells.map(fold);
  folded.forEach((cell, row) => push(byValue, cell, row));
  return {
    rowsMatching: (value) => byValue.get(fold(value)) ?? [],
    rowMatches: (row, value) => folded[row] === fold(value),
  };
}
