// A sort right after stats breaks its ties by the stats' group order, so stats hands its rows over unordered: the
// rows are exactly those of the same sort over stats' ordered output (a `where` in between stops the hand-over).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupTable } from '../../src/aggregates/index.js';
import { emitGroupRows } from '../../src/commands/group-rows.js';
import { ordersResults } from '../../src/commands/result-order.js';
import { compileAggregation } from '../../src/aggregates/index.js';
import { parseQuery } from '../../src/parse/parse.js';
import { createCompileContext } from '../../src/engine/compile-pipeline.js';
import { getZone } from '../../src/time/zone.js';
import { Event } from '../../src/runtime/event.js';
import type { StatsCommand } from '../../src/ast.js';
import { runQuery, type PlainEvent } from '../helpers/run.js';

/** Values that tie in a sort in several ways: numbers written differently, case, numbers against text. */
const value = fc.constantFrom('1', '1.0', '01', '2', '10', 'b', 'B', 'a', 'éa', '-3');
const event = fc.record({ a: value, b: fc.constantFrom('x', 'y', '3'), n: fc.integer({ min: -3, max: 3 }) }) as fc.Arbitrary<PlainEvent>;

const PAIRS: Array<[string, string]> = [
  ['stats count by a', 'sort count'],
  ['stats count by a', 'sort -count'],
  ['stats count by a b', 'sort -count'],
  ['stats count by a b', 'sort 3 -count, +b'],
  ['stats max(n) as m by a', 'sort m'],
  ['stats max(n) as m min(n) as k by b a', 'sort num(m) | head 4'],
  ['stats count as a by a', 'sort count'],
  ['stats count by a', 'sort a'],
  ['stats count by a', 'sort num(a)'],
  ['stats values(n) as v by a', 'sort -v'],
];

describe('stats then sort', () => {
  it.each(PAIRS)('%s | %s gives the rows of the same sort over ordered stats rows', (stats, sort) => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const handed = runQuery(`search * | ${stats} | ${sort}`, events);
        expect(handed).toEqual(runQuery(`search * | ${stats} | where 1=1 | ${sort}`, events));
        if (events.length > 0) expect(handed.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('hands the rows over unordered only to a stage that orders them, and only when the rows carry the BY values', () => {
    const seen = (spl: string, taker: boolean): { rows: string[]; order: boolean } => {
      const rows: string[] = [];
      let order = false;
      const sink = { push: (row: Event) => void rows.push(String(row.get('a'))), end: () => undefined };
      emitGroupRows(tableOf(spl, ['b', 'a', 'c']), taker ? ordersResults(sink, () => (order = true)) : sink);
      return { rows, order };
    };
    // No taker: group order (ascending a), whatever the order the groups were made in.
    expect(seen('stats count by a', false)).toEqual({ rows: ['a', 'b', 'c'], order: false });
    // A taker gets the group order and the rows in the order the groups were made.
    expect(seen('stats count by a', true)).toEqual({ rows: ['b', 'a', 'c'], order: true });
    // An output named like the BY field: rows do not carry the BY values, so no hand-over.
    expect(seen('stats count as a by a', true).order).toBe(false);
  });
});

/** The table `spl`'s stats builds over events with the given `a` values, in that order. */
function tableOf(spl: string, values: string[]): GroupTable {
  const node = parseQuery(`search * | ${spl}`).commands[1] as StatsCommand;
  const table = new GroupTable(compileAggregation(node, createCompileContext(getZone('UTC'), 0), { dedupSplitValues: false }));
  values.forEach((a, i) => table.add(Event.fromObject({ a }), i));
  return table;
}
