// stats laws (fast-check): counts add up, input order does not matter, partial states over chunks merge to one pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { UTC } from '../../src/time/zone.js';
import { runQuery, type PlainEvent } from '../helpers/run.js';

/** Order-independent functions (mode is left out: its ties go to the first seen value). */
const ORDER_FREE =
  'count count(v) dc(v) estdc(v) sum(v) sumsq(v) avg(v) min(v) max(v) range(v) stdev(v) stdevp(v) var(v) varp(v) ' +
  'median(v) perc25(v) p90(v) exactperc50(v) upperperc75(v) values(v) earliest(v) latest(v) earliest_time(v) latest_time(v) rate(v) ' +
  'sum(*) AS sum_* dc(*)';
/** Every function, including the order-dependent ones. */
const EVERY = `${ORDER_FREE} mode(v) first(v) last(v) list(v) list(*) AS list_*`;
/** Floating-point results whose last bits may depend on the order values were combined in. */
const ROUNDED = ['stdev(v)', 'stdevp(v)', 'var(v)', 'varp(v)'];

const scalar = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constantFrom('a', 'B', 'b', '7', '07', ''));
const value: fc.Arbitrary<FieldValue> = fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 }));
const key = fc.constantFrom('x', 'y', 'z', 10, 9);

/** Events with a unique _time each (so earliest/latest do not depend on order), maybe missing v or k. */
const events = fc.array(fc.record({ k: key, v: value }, { requiredKeys: [] }), { maxLength: 40 }).map((list) =>
  list.map((fields, i): PlainEvent => ({ ...fields, _time: 1000 + ((i * 7919) % 1009) })),
);

function statsNode(text: string): StatsCommand {
  return parseQuery(`* | stats ${text}`).commands[1] as StatsCommand;
}

/** Rows equal, allowing relative rounding error in ROUNDED columns only. */
function expectSameRows(actual: Array<Record<string, FieldValue>>, expected: Array<Record<string, FieldValue>>, rounded: string[]): void {
  const round = (rows: Array<Record<string, FieldValue>>) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, rounded.includes(k) ? Number((v as number).toPrecision(12)) : v])));
  expect(round(actual)).toEqual(round(expected));
}

/** Split a list at the given cut points (any positions, in any order). */
function chunksOf<T>(list: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let start = 0;
  for (const p of [...points, list.length]) {
    out.push(list.slice(start, p));
    start = p;
  }
  return out;
}

function tableOver(node: StatsCommand, evs: PlainEvent[], firstOrdinal: number): GroupTable {
  const table = new GroupTable(compileAggregation(node, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false }));
  evs.forEach((ev, i) => table.add(Event.fromObject(ev), firstOrdinal + i));
  return table;
}

describe('stats laws', () => {
  it('stats count by k sums to the number of events that have k', () => {
    fc.assert(
      fc.property(events, (evs) => {
        const rows = runQuery('* | stats count by k', evs);
        const total = rows.reduce((sum, r) => sum + (r.count as number), 0);
        expect(total).toBe(evs.filter((e) => e.k !== undefined).length);
      }),
    );
  });

  it('a permutation of the input leaves order-free results unchanged', () => {
    fc.assert(
      fc.property(events.chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }))), ([evs, shuffled]) => {
        for (const by of ['', ' by k']) {
          expectSameRows(runQuery(`* | stats ${ORDER_FREE}${by}`, shuffled), runQuery(`* | stats ${ORDER_FREE}${by}`, evs), ROUNDED);
        }
      }),
    );
  });

  it('merging states over consecutive chunks, in order, equals one pass for every function', () => {
    fc.assert(
      fc.property(events, fc.array(fc.nat(), { maxLength: 5 }), (evs, cuts) => {
        for (const by of ['', ' by k']) {
          const node = statsNode(EVERY + by);
          const whole = tableOver(node, evs, 0).rows().map((r) => r.toObject());
          let offset = 0;
          const tables = chunksOf(evs, cuts).map((chunk) => {
            const t = tableOver(node, chunk, offset);
            offset += chunk.length;
            return t;
          });
          const merged = tables.reduce((into, t) => (into.merge(t), into));
          expect(merged.rows().map((r) => r.toObject())).toEqual(whole);
        }
      }),
    );
  });

  it('merging chunk states in any order equals one pass (variances up to rounding)', () => {
    fc.assert(
      fc.property(events, fc.array(fc.nat(), { maxLength: 5 }), fc.infiniteStream(fc.nat()), (evs, cuts, picks) => {
        const node = statsNode(`${EVERY} by k`);
        const whole = tableOver(node, evs, 0).rows().map((r) => r.toObject());
        let offset = 0;
        const tables = chunksOf(evs, cuts).map((chunk) => {
          const t = tableOver(node, chunk, offset);
          offset += chunk.length;
          return t;
        });
        // Merge random pairs until one table is left (tree-shaped, out of input order).
        const picker = picks[Symbol.iterator]();
        while (tables.length > 1) {
          const into = tables.splice(picker.next().value % tables.length, 1)[0]!;
          const from = tables.splice(picker.next().value % tables.length, 1)[0]!;
          from.merge(into);
          tables.push(from);
        }
        expectSameRows(tables[0]!.rows().map((r) => r.toObject()), whole, ROUNDED);
      }),
    );
  });

  it('stats count over no events gives count=0', () => {
    expect(runQuery('* | stats count', [])).toEqual([{ count: 0 }]);
  });
});
