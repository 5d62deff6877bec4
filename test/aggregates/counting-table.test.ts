// Law: `stats count by x[, y]`'s counting mode (table.ts, counted-groups.ts) gives the rows, packs and merges of the general table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';

/** Numbers and texts of one text (3, "3"), -0 beside 0, non-ASCII and astral texts, Booleans. */
const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.5, true, 'a', 'b', '3', '03', '', 'é', '😀', '\\"', '-0'));
/** Mostly scalars, sometimes a multivalue (a count per value or combination), sometimes missing. */
const kValue: fc.Arbitrary<FieldValue | undefined> = fc.oneof({ arbitrary: scalar, weight: 8 }, fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constant(undefined));
const pair = fc.tuple(kValue, kValue);
const chunks = fc.array(fc.array(pair, { maxLength: 30 }), { minLength: 1, maxLength: 3 });

function table(spl: string): GroupTable {
  const node = parseQuery(`* | stats ${spl}`).commands[1] as StatsCommand;
  return new GroupTable(compileAggregation(node, { evalContext: {} } as never, { dedupSplitValues: false }));
}

function fill(t: GroupTable, values: Array<[FieldValue | undefined, FieldValue | undefined]>): GroupTable {
  values.forEach(([k, j], i) => t.add(Event.fromObject({ k, j, v: 1 }), i));
  return t;
}

/** -0 and 0 apart (toEqual compares numbers as Object.is does, but say it plainly). */
const typed = (rows: Array<Record<string, unknown>>) => rows.map((r) => Object.entries(r).map(([name, v]) => [name, typeof v, Object.is(v, -0) ? '-0' : String(v)]));

const rowsOf = (t: GroupTable, ordered = true) => {
  const rows: Array<Record<string, unknown>> = [];
  t.forEachRow((row) => rows.push(row.toObject()), ordered);
  return rows;
};

describe('stats count by one or two fields: counting mode', () => {
  it("law: rows (ordered or not) equal the general table's; chunks packed or merged equal one pass", () => {
    fc.assert(
      fc.property(chunks, fc.constantFrom('merge', 'pack', 'clone'), fc.boolean(), (parts, via, twoFields) => {
        const by = twoFields ? 'k, j' : 'k';
        const all = parts.flat();
        // `count as c, sum(v) as s` never enters counting mode: the reference.
        const reference = rowsOf(fill(table(`count as c, sum(v) as s by ${by}`), all)).map(({ s: _, ...rest }) => rest);
        const counted = rowsOf(fill(table(`count as c by ${by}`), all));
        expect(typed(counted)).toEqual(typed(reference));
        const merged = table(`count as c by ${by}`);
        for (const part of parts) {
          const t = fill(table(`count as c by ${by}`), part);
          // A pack that stays on this thread may be taken over whole; a clone (another thread's) is indexed.
          if (via === 'merge') merged.merge(t);
          else merged.mergePacked(via === 'pack' ? t.pack() : structuredClone(t.pack()));
        }
        expect(typed(rowsOf(merged))).toEqual(typed(reference));
        const sortKey = (r: Record<string, unknown>) => JSON.stringify(typed([r]));
        const unordered = rowsOf(fill(table(`count as c by ${by}`), all), false);
        expect(typed(unordered.sort((a, b) => sortKey(a).localeCompare(sortKey(b))))).toEqual(typed([...reference].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))));
      }),
      { numRuns: 300 },
    );
  });

  it('a counting table merged with a general one (eventstats-style groups) gives the general rows', () => {
    fc.assert(
      fc.property(chunks, (parts) => {
        const all = parts.flat();
        const reference = rowsOf(fill(table('count as c, sum(v) as s by k, j'), all)).map(({ s: _, ...rest }) => rest);
        const merged = table('count as c by k, j');
        parts.forEach((part, i) => {
          const t = fill(table('count as c by k, j'), part);
          // The first part's table leaves counting mode (groupsOf needs Groups) before the merge.
          if (i === 0) t.groupsOf(new Event());
          merged.merge(t);
        });
        expect(typed(rowsOf(merged))).toEqual(typed(reference));
      }),
      { numRuns: 200 },
    );
  });
});
