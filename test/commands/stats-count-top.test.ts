// Law: `stats count by x | sort -count ... | head N` leaves out rows below the N-th largest count, with the rows of the full sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupTable, compileAggregation } from '../../src/aggregates/index.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event } from '../../src/runtime/event.js';
import { runQuery } from '../helpers/run.js';

const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'B', '2', 'é', '😀'));
const events = fc.array(fc.record({ x: value, y: value }, { requiredKeys: [] }), { maxLength: 60 });

describe('stats count then a sort by the count, largest first, keeping the first N', () => {
  it('law: the rows equal those of the same sort after a stage that passes every row (no rows left out)', () => {
    const tails = ['sort -count, +x | head 3', 'sort -count, -x | head 1', 'sort 4 -count x', 'sort -num(count) x | head 2', 'sort -count | head 5'];
    fc.assert(fc.property(events, fc.constantFrom(...tails), fc.boolean(), (evs, tail, twoFields) => {
      const by = twoFields ? 'x, y' : 'x';
      const pruned = runQuery(`* | stats count by ${by} | ${tail}`, evs);
      // `eval` between the two passes every row to the sort, in group order: the reference.
      const reference = runQuery(`* | stats count by ${by} | eval z=1 | fields - z | ${tail}`, evs);
      expect(pruned).toEqual(reference);
    }), { numRuns: 400 });
  });

  it('hands the sort only the rows with at least the N-th largest count', () => {
    const node = parseQuery('* | stats count by x').commands[1] as StatsCommand;
    const table = new GroupTable(compileAggregation(node, { evalContext: {} } as never, { dedupSplitValues: false }));
    ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'd'].forEach((x, i) => table.add(Event.fromObject({ x }), i));
    expect(table.countColumn()).toBe('count');
    expect(table.nthLargestCount(2)).toBe(2);
    const rows: unknown[] = [];
    table.forEachRow((row) => rows.push(row.toObject()), false, table.nthLargestCount(2));
    expect(rows).toEqual([{ x: 'a', count: 3 }, { x: 'b', count: 2 }, { x: 'c', count: 2 }]);
    expect(table.nthLargestCount(4)).toBe(0);
  });
});
