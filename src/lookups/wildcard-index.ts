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

/** Build the index over `cells` (already case-folded when matching ignores case). */
export function wildcardIndex(cells: readonly string[], fold: (s: string) => string): ColumnIndex {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const suffix = new Map<string, number[]>();
  const grams = new Map<string, number[]>();
  const always: number[] = [];
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  const tests: Array<((text: string) => boolean) | undefined> = new Array(cells.length);
  cells.forEach((raw, row) => {
    const cell = fold(raw);
    if (!cell.includes('*')) {
      push(exact, cell, row);
      return;
    }
    tests[row] = compileGlob(cell);
    const parts = cell.split('*');
    const head = parts[0]!;
    const tail = parts[parts.length - 1]!;
    if (head !== '' && head.length >= tail.length) {
      push(prefix, head, row);
      prefixLengths.add(head.length);
    } else if (tail !== '') {
      push(suffix, tail, row);
      suffixLengths.add(tail.length);
    } else {
      const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length >= GRAM) push(grams, longest.slice(0, GRAM), row);
      else always.push(row);
    }
  });
  const heads = [...prefixLengths].sort((a, b) => a - b);
  const tails = [...suffixLengths].sort((a, b) => a - b);
  const hasGrams = grams.size > 0;
  const matches = (row: number, value: string): boolean => {
    const test = tests[row];
    return test ? test(value) : fold(cells[row]!) === value;
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
        if (tests[r] === undefined || tests[r]!(value)) out.push(r);
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
