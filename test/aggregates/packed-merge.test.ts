// Partial tables shipped between threads: packed, structured-cloned and merged, they equal one table over all events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { UTC } from '../../src/time/zone.js';
import { fuzzRuns } from '../helpers/tier.js';

/** The functions whose partial states merge exactly (those a parallel run distributes), plain and wildcard. */
const EXACT = 'count count(v) dc(v) values(v) list(v) first(v) last(v) earliest(v) latest(v) min(v) max(v) median(v) perc90(v) values(*) AS values_*';

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'B', '7', '07', '😀'));
const value: fc.Arbitrary<FieldValue> = fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 }));
const events = fc.array(fc.record({ k: value, j: scalar, v: value }, { requiredKeys: [] }), { maxLength: 50 }).map((list) =>
  list.map((fields, i) => Event.fromObject({ ...fields, _time: 1000 + ((i * 7919) % 1009) })),
);

function tableOver(node: StatsCommand, evs: Event[], firstOrdinal: number): GroupTable {
  const table = new GroupTable(compileAggregation(node, { evalContext: { zone: UTC, now: 0 } }, { dedupSplitValues: false }));
  evs.forEach((ev, i) => table.add(ev, firstOrdinal + i));
  return table;
}

describe('packed partial tables', () => {
  it('merging structured-cloned packs of consecutive chunks equals one table over all events', () => {
    fc.assert(fc.property(events, fc.array(fc.nat(), { maxLength: 4 }), (evs, cuts) => {
      const points = [...new Set(cuts.map((c) => c % (evs.length + 1))), evs.length].sort((a, b) => a - b);
      for (const by of ['', ' by k', ' by k, j']) {
        const node = parseQuery(`* | stats ${EXACT}${by}`).commands[1] as StatsCommand;
        const whole = tableOver(node, evs, 0).rows().map((r) => r.toObject());
        const merged = tableOver(node, [], 0);
        let start = 0;
        for (const end of points) {
          merged.mergePacked(structuredClone(tableOver(node, evs.slice(start, end), start).pack()));
          start = end;
        }
        expect(merged.rows().map((r) => r.toObject())).toEqual(whole);
      }
    }), { numRuns: fuzzRuns(60, 300) });
  });

  it('packs counts into one Float64Array per count slot', () => {
    const node = parseQuery('* | stats count by k').commands[1] as StatsCommand;
    const packed = tableOver(node, ['x', 'y', 'x'].map((k) => Event.fromObject({ k })), 0).pack();
    expect(packed.byColumns).toEqual([['x', 'y']]);
    expect(packed.states.slots).toEqual([new Float64Array([2, 1])]);
  });
});
