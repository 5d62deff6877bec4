// Law: `stats count by x`'s counting mode (table.ts) gives the rows, packs and merges of the general table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b', '3', '03', ''));
/** Mostly scalars (counting mode), sometimes a multivalue (the table leaves counting mode), sometimes missing. */
const kValue: fc.Arbitrary<FieldValue | undefined> = fc.oneof({ arbitrary: scalar, weight: 8 }, fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constant(undefined));
const chunks = fc.array(fc.array(kValue, { maxLength: 30 }), { minLength: 1, maxLength: 3 });

function table(spl: string): GroupTable {
  const node = parseQuery(`* | stats ${spl}`).commands[1] as StatsCommand;
  return new GroupTable(compileAggregation(node, { evalContext: {} } as never, { dedupSplitValues: false }));
}

function fill(t: GroupTable, values: Array<FieldValue | undefined>): GroupTable {
  values.forEach((k, i) => t.add(Event.fromObject(k === undefined ? { v: 1 } : { k, v: 1 }), i));
  return t;
}

const rowsOf = (t: GroupTable, ordered = true) => {
  const rows: Array<Record<string, unknown>> = [];
  t.forEachRow((row) => rows.push(row.toObject()), ordered);
  return rows;
};

describe('stats count by one field: counting mode', () => {
  it("law: rows (ordered or not) equal the general table's; chunks packed or merged equal one pass", () => {
    fc.assert(
      fc.property(chunks, fc.boolean(), (parts, viaMerge) => {
        const all = parts.flat();
        // `count as c, sum(v) as s` never enters counting mode: the reference.
        const reference = rowsOf(fill(table('count as c, sum(v) as s by k'), all)).map(({ k, c }) => ({ k, c }));
        const counted = rowsOf(fill(table('count as c by k'), all));
        expect(counted).toEqual(reference);
        const merged = table('count as c by k');
        for (const part of parts) {
          const t = fill(table('count as c by k'), part);
          if (viaMerge) merged.merge(t);
          else merged.mergePacked(t.pack());
        }
        expect(rowsOf(merged)).toEqual(reference);
        const sortKey = (r: Record<string, unknown>) => `${typeof r.k}:${String(r.k)}`;
        const unordered = rowsOf(fill(table('count as c by k'), all), false);
        expect([...unordered].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...reference].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      }),
      { numRuns: 300 },
    );
  });
});
