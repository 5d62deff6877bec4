// Late ordering: a stats' rows go through the row-local commands after it unordered and only the survivors are put in
// group order; the rows (values and order) equal those of the plain chain, where the stats orders every group first.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lateOrderRuns, lateOrdering } from '../../src/engine/late-order-chain.js';
import { compilePipeline, createCompileContext } from '../../src/engine/compile-pipeline.js';
import { parseQuery } from '../../src/parse/parse.js';
import { getZone } from '../../src/time/zone.js';
import { runQuery, TEST_NOW, type PlainEvent } from '../helpers/run.js';

/** BY values that tie and order in several ways: numbers written differently, case, numbers against text, multivalues. */
const value = fc.constantFrom('1', '1.0', '01', '2', '10', 'b', 'B', 'a', 'éa', '-3', '😀');
const event = fc.record({
  a: value,
  b: fc.oneof(fc.constantFrom('x', 'y', '3'), fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 3 })),
  n: fc.integer({ min: -3, max: 3 }),
}) as fc.Arbitrary<PlainEvent>;

/** Stats followed by row-local commands with a filter, some followed by more commands (order-sensitive ones too). */
const QUERIES = [
  'stats count max(n) as m by a b | search m>0',
  'stats count by a b | rename a AS x | eval y=len(x) | where y<2',
  'stats values(n) as v by a | mvexpand v | search v!=1',
  'stats count by b a | eval k=a.b | regex k="^[a-z0-9]" | streamstats count as s',
  'stats min(n) as lo by a | search lo<2 | head 3',
  'stats count by a | fields - count | search a!=b | dedup a',
  'stats count by a b | search NOT b=y | table b a count | eval z=1 | search z=1',
  'stats dc(b) as d by a | where d>=1 | sort -d',
];

/** The rows with late ordering on or off. */
function run(query: string, events: PlainEvent[], late: boolean) {
  lateOrdering.enabled = late;
  try {
    return runQuery(`search * | ${query}`, events);
  } finally {
    lateOrdering.enabled = true;
  }
}

/** The late-order runs of a query's pipeline. */
function runsOf(query: string) {
  const ast = parseQuery(query);
  const compiled = compilePipeline(ast, createCompileContext(getZone('UTC'), TEST_NOW));
  return lateOrderRuns(ast.commands, compiled.commands, 0);
}

describe('late order after stats', () => {
  afterEach(() => {
    lateOrdering.enabled = true;
  });

  it('gives the rows, in the same order, of the plain chain (stats ordering every group first)', () => {
    fc.assert(fc.property(fc.constantFrom(...QUERIES), fc.array(event, { maxLength: 40 }), (query, events) => {
      expect(run(query, events, true)).toEqual(run(query, events, false));
    }), { numRuns: 400 });
  });

  it('keeps rows made from one group in the order they were made (mvexpand)', () => {
    const events = [{ a: '2', n: 3 }, { a: '1', n: 2 }, { a: '2', n: 1 }, { a: '1', n: 3 }];
    const rows = run('stats values(n) as v by a | mvexpand v | search v>1', events, true);
    expect(rows.map((r) => `${r.a}:${r.v}`)).toEqual(['1:2', '1:3', '2:3']);
  });

  it('applies only to row-local runs with a filter right after stats or tstats', () => {
    expect(runsOf('search x=1 | stats count by a | eval b=1 | search b=1 | sort a')).toEqual([{ start: 2, end: 4 }]);
    expect(runsOf('search x=1 | stats count by a | eval b=1')).toEqual([]);
    expect(runsOf('search x=1 | stats count by a | sort a | search a=1')).toEqual([]);
    expect(runsOf('search x=1 | eval b=1 | search b=1')).toEqual([]);
    expect(runsOf('| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.* AS * | search dest=x'))
      .toEqual([{ start: 1, end: 3 }]);
  });

  it('fillnull without fields (held, not row-local) ends the run', () => {
    expect(runsOf('search x=1 | stats count by a | search a=1 | fillnull | search a=2')).toEqual([{ start: 2, end: 3 }]);
  });
});
