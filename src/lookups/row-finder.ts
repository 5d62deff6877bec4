// Finding a lookup's matching rows for an event's key values: one indexed column narrows, the others check.
import type { LookupDefinition, MatchType } from './definition.js';
import { cidrIndex } from './cidr-index.js';
import type { LookupTable } from './table.js';
import { exactIndex, wildcardIndex, type ColumnIndex } from './wildcard-index.js';

/** The values an event has for each key column (in the order of `keyColumns`); each may be multivalue. */
export type KeyValues = readonly (readonly string[])[];

/** Rows matching every key, ascending (file order), at most max_matches per value of the first key. */
export type RowFinder = (keys: KeyValues) => number[];

const identity = (s: string) => s;
const lower = (s: string) => s.toLowerCase();

function columnIndexFor(table: LookupTable, column: number, type: MatchType, caseSensitive: boolean): ColumnIndex {
  const cells = table.rows.map((r) => r[column] ?? '');
  const fold = caseSensitive ? identity : lower;
  if (type === 'WILDCARD') return wildcardIndex(cells, fold);
  if (type === 'CIDR') return cidrIndex(cells);
  return exactIndex(cells, fold);
}

/** Exact keys narrow best, then WILDCARD, then CIDR: the first key of the best kind drives the search. */
const DRIVE_ORDER: Record<MatchType, number> = { EXACT: 0, WILDCARD: 1, CIDR: 2 };

/** Build the finder for these key columns (names in the table); indexes are built once, here. */
export function buildRowFinder(def: LookupDefinition, table: LookupTable, keyColumns: readonly string[]): RowFinder {
  const specs = keyColumns.map((name, at) => {
    const type = def.matchTypes.get(name) ?? 'EXACT';
    return { at, type, index: columnIndexFor(table, table.columns.indexOf(name), type, def.caseSensitive) };
  });
  const [drive, ...checks] = [...specs].sort((a, b) => DRIVE_ORDER[a.type] - DRIVE_ORDER[b.type] || a.at - b.at);
  const max = def.maxMatches;
  const find: RowFinder = (keys) => {
    const driveValues = keys[drive!.at]!;
    let found: number[] = [];
    for (const value of driveValues) {
      let kept = 0;
      for (const row of drive!.index.rowsMatching(value)) {
        if (!checks.every((c) => keys[c.at]!.some((v) => c.index.rowMatches(row, v)))) continue;
        found.push(row);
        if (++kept >= max) break;
      }
    }
    if (driveValues.length > 1) found = [...new Set(found)];
    return found;
  };
  return specs.length === 1 ? remembering(find) : find;
}

/** Distinct values remembered per finder; past this the memory is cleared and starts again. */
const REMEMBERED_VALUES = 65_536;

/**
 * A one-key finder that remembers its answers: event values repeat (process names, domains), so most lookups of a
 * WILDCARD or CIDR table cost one hash probe. Bounded: at REMEMBERED_VALUES distinct values the memory starts over.
 */
function remembering(find: RowFinder): RowFinder {
  const answers = new Map<string, number[]>();
  return (keys) => {
    const values = keys[0]!;
    if (values.length !== 1) return find(keys);
    const value = values[0]!;
    let rows = answers.get(value);
    if (rows === undefined) {
      if (answers.size >= REMEMBERED_VALUES) answers.clear();
      answers.set(value, (rows = find(keys)));
    }
    return rows;
  };
}
