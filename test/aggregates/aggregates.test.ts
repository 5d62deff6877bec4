// Aggregation library units: group keys, percentile ranks, accumulator merges, and the library API used without stats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import { moments, numberCounts, varianceOf } from '../../src/aggregates/numeric.js';
import { medianOf, percentileOf } from '../../src/aggregates/percentile.js';
import type { Position } from '../../src/aggregates/types.js';
import type { StatsCommand } from '../../src/ast.js';
import { createCompileContext } from '../../src/engine/compile-pipeline.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event } from '../../src/runtime/event.js';
import { UTC } from '../../src/time/zone.js';

const at: Position = { ordinal: 0, sub: 0, time: NaN };

function countsOf(values: number[]) {
  const state = numberCounts.init();
  for (const v of values) numberCounts.add(state, v, v, at);
  return state;
}

describe('grouping', () => {
  const node = parseQuery('* | stats count by a, b').commands[1] as StatsCommand;
  const aggregation = compileAggregation(node, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false });

  it('two events share a group exactly when their BY values have the same text', () => {
    const text = fc.string({ maxLength: 6, unit: fc.constantFrom('1', ':', 'x', '\u0000') });
    fc.assert(
      fc.property(text, text, text, text, (a1, b1, a2, b2) => {
        const table = new GroupTable(aggregation);
        table.add(Event.fromObject({ a: a1, b: b1 }), 0);
        table.add(Event.fromObject({ a: a2, b: b2 }), 1);
        expect(table.rows().length).toBe(a1 === a2 && b1 === b2 ? 1 : 2);
      }),
    );
  });

  it('finds the groups of an event without creating any', () => {
    const table = new GroupTable(aggregation);
    table.add(Event.fromObject({ a: 'v', b: 1 }), 0);
    table.add(Event.fromObject({ a: ['v', 'w'], b: '1' }), 1);
    expect(table.groupsOf(Event.fromObject({ a: ['w', 'v', 'z'], b: 1 })).map((g) => g.byValues)).toEqual([['w', '1'], ['v', 1]]);
    expect(table.groupsOf(Event.fromObject({ a: 'v' }))).toEqual([]);
    expect(table.rows().map((r) => r.toObject())).toEqual([{ a: 'v', b: 1, count: 2 }, { a: 'w', b: '1', count: 1 }]);
  });
});

describe('percentiles over counted values', () => {
  it('interpolate between closest ranks, or take the upper one', () => {
    const counts = countsOf([4, 1, 3, 2]);
    expect(percentileOf(counts, 50, 'interpolate')).toBe(2.5);
    expect(percentileOf(counts, 50, 'upper')).toBe(3);
    expect(percentileOf(counts, 0, 'interpolate')).toBe(1);
    expect(percentileOf(counts, 100, 'interpolate')).toBe(4);
    expect(medianOf(counts)).toBe(3);
    expect(percentileOf(countsOf([]), 50, 'interpolate')).toBeUndefined();
  });

  it('every percentile lies between the minimum and the maximum and grows with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 100, noNaN: true }), (values, p) => {
        const counts = countsOf(values);
        const v = percentileOf(counts, p, 'interpolate')!;
        expect(v).toBeGreaterThanOrEqual(Math.min(...values));
        expect(v).toBeLessThanOrEqual(Math.max(...values));
        expect(percentileOf(counts, Math.min(100, p + 1), 'interpolate')!).toBeGreaterThanOrEqual(v);
        expect(percentileOf(counts, p, 'upper')!).toBeGreaterThanOrEqual(v);
      }),
    );
  });
});

describe('moments merge', () => {
  it('re-bases the variance sums of a merged state (different first values)', () => {
    const left = moments.init();
    const right = moments.init();
    for (const v of [1e9, 1e9 + 2]) moments.add(left, v, v, at);
    for (const v of [1e9 + 4, 1e9 + 6]) moments.add(right, v, v, at);
    const merged = moments.merge(left, right);
    expect(merged.n).toBe(4);
    expect(merged.sum).toBe(4e9 + 12);
    expect(varianceOf(merged, false)).toBe(5);
    expect(varianceOf(merged, true)).toBe(20 / 3);
  });
});

describe('library use without the stats command', () => {
  const node = parseQuery('* | stats count sum(n) by k').commands[1] as StatsCommand;
  const aggregation = compileAggregation(node, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false });

  it('reports its columns and the fields it reads', () => {
    expect(aggregation.columns).toEqual(['k', 'count', 'sum(n)']);
    expect(new Set(aggregation.reads)).toEqual(new Set(['k', 'n']));
  });

  it('reads _time only when a function needs it, and any field for eval arguments that may read any', () => {
    const timed = parseQuery('* | stats latest(x)').commands[1] as StatsCommand;
    expect(compileAggregation(timed, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false }).reads).toContain('_time');
    const anyField = parseQuery('* | stats count(eval(searchmatch("x"))) AS n').commands[1] as StatsCommand;
    expect(compileAggregation(anyField, createCompileContext(UTC, 0), { dedupSplitValues: false }).reads).toBeNull();
  });

  it('feeds groups directly: newGroup, addEvent, mergeGroups, writeRow', () => {
    const first = aggregation.newGroup(['a']);
    const second = aggregation.newGroup(['a']);
    aggregation.addEvent(first, Event.fromObject({ k: 'a', n: 2 }), 0);
    aggregation.addEvent(second, Event.fromObject({ k: 'a', n: 5 }), 1);
    const row = new Event();
    aggregation.writeRow(aggregation.mergeGroups(first, second), row);
    expect(row.toObject()).toEqual({ k: 'a', count: 2, 'sum(n)': 7 });
  });

  it('GroupTable merges tables built over different slices', () => {
    const left = new GroupTable(aggregation);
    const right = new GroupTable(aggregation);
    left.add(Event.fromObject({ k: 'b', n: 1 }), 0);
    right.add(Event.fromObject({ k: 'a', n: 2 }), 1);
    right.add(Event.fromObject({ k: 'b', n: 3 }), 2);
    left.merge(right);
    expect(left.rows().map((r) => r.toObject())).toEqual([
      { k: 'a', count: 1, 'sum(n)': 2 },
      { k: 'b', count: 2, 'sum(n)': 4 },
    ]);
  });
});

describe('partial groups across threads', () => {
  it('packed groups survive structured cloning and merge into another table', () => {
    const node = parseQuery('* | stats count values(v) list(v) first(v) perc50(n) stdev(n) latest(v) max(*) AS max_* by k').commands[1] as StatsCommand;
    const aggregation = compileAggregation(node, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false });
    const events = [
      { k: 'a', v: 'x', n: 1, _time: 5 },
      { k: 'b', v: 'y', n: 4, _time: 1 },
      { k: 'a', v: ['z', 'x'], n: 3, _time: 9 },
      { k: 'a', v: 'w', n: 8, _time: 2 },
    ].map((o) => Event.fromObject(o));
    const whole = new GroupTable(aggregation);
    events.forEach((ev, i) => whole.add(ev, i));
    const [head, tail] = [new GroupTable(aggregation), new GroupTable(aggregation)];
    events.slice(0, 2).forEach((ev, i) => head.add(ev, i));
    events.slice(2).forEach((ev, i) => tail.add(ev, i + 2));
    head.mergePacked(structuredClone(tail.pack()));
    expect(head.rows().map((r) => r.toObject())).toEqual(whole.rows().map((r) => r.toObject()));
  });
});
