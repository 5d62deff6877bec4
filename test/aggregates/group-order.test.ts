// Group output order: text BY values sort in UTF-8 byte order; the one-field fast path equals the reference comparator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/aggregates/compile.js';
import { groupText } from '../../src/aggregates/group-keys.js';
import { compareSortKeys, orderGroups, orderRows, orderSingleFieldGroups, sortKeysOf } from '../../src/aggregates/group-order.js';
import type { Scalar } from '../../src/runtime/event.js';
import { compareUtf8 } from '../../src/search/utf8-order.js';
import { runQuery } from '../helpers/run.js';

/** BY values of every kind: numbers, numeric texts (1 vs "1.0" vs " 1"), plain and high/astral texts, Booleans. */
const byValue: fc.Arbitrary<Scalar> = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(0.5, -0.25, 1e21, 2.5e-7, -0),
  fc.constantFrom('1', '1.0', ' 1', '01', '-0', '1e3', '.5', 'nan', 'inf'),
  fc.string({ unit: fc.constantFrom('a', 'B', 'z', '-', ' ', 'é', '\uffff', '\ue000', '😀', '\ud7ff', '1'), maxLength: 4 }),
  fc.boolean(),
);

/** One group per distinct group text (as a table keeps them). */
function groupsOf(values: Scalar[]): Group[] {
  const byText = new Map<string, Group>();
  for (const v of values) if (!byText.has(groupText(v))) byText.set(groupText(v), { byValues: [v], states: [], fieldStates: [] });
  return [...byText.values()];
}

describe('group order', () => {
  it('orders non-numeric texts exactly as UTF-8 bytes, whether or not they hold astral or high BMP characters', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'z', '-', 'é', '\uffff', '\ue000', '😀', '\ud7ff'), minLength: 1, maxLength: 5 })
      .filter((t) => Number.isNaN(Number(t)));
    fc.assert(fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
      const bySortKeys = [...texts].sort((a, b) => compareSortKeys(sortKeysOf([a]), sortKeysOf([b])));
      const byBytes = [...texts].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(bySortKeys).toEqual(byBytes);
      expect([...texts].sort(compareUtf8)).toEqual(byBytes);
    }), { numRuns: 300 });
  });

  it('the one-field order equals the reference comparator order, for any mix of values', () => {
    fc.assert(fc.property(fc.array(byValue, { maxLength: 40 }), (values) => {
      const groups = groupsOf(values);
      const byText = new Map(groups.map((g) => [groupText(g.byValues[0]!), g]));
      const fast = orderSingleFieldGroups(groups, (text) => byText.get(text)!);
      expect(fast).toEqual(orderGroups(groups));
    }), { numRuns: 500 });
  });

  it('the ranked order of several BY fields equals a sort by the reference comparator', () => {
    fc.assert(fc.property(fc.array(fc.tuple(byValue, byValue, byValue), { maxLength: 40 }), (tuples) => {
      const byText = new Map<string, Group>();
      for (const values of tuples) byText.set(values.map(groupText).join('\u0000'), { byValues: values, states: [], fieldStates: [] });
      const groups = [...byText.values()];
      const reference = [...groups].sort((a, b) => compareSortKeys(sortKeysOf(a.byValues), sortKeysOf(b.byValues)));
      expect(orderGroups(groups)).toEqual(reference);
    }), { numRuns: 500 });
  });

  it('rows with repeated BY values (a late order after mvexpand) keep their order among equals: a stable sort by the comparator, one or two fields', () => {
    fc.assert(fc.property(fc.array(fc.tuple(byValue, byValue), { maxLength: 40 }), fc.boolean(), (tuples, twoFields) => {
      const rows = tuples.map((values, i) => ({ byValues: twoFields ? values : [values[0]], i }));
      const reference = [...rows].sort((a, b) => compareSortKeys(sortKeysOf(a.byValues), sortKeysOf(b.byValues)));
      expect(orderGroups(rows).map((r) => r.i)).toEqual(reference.map((r) => r.i));
    }), { numRuns: 500 });
  });

  it('rows of several BY fields order the same by one exact number per row and by the comparator over ranks', () => {
    fc.assert(fc.property(fc.array(fc.tuple(byValue, byValue), { maxLength: 40 }), (tuples) => {
      const byText = new Map<string, Scalar[]>();
      for (const values of tuples) byText.set(values.map(groupText).join('\u0000'), values);
      const rows = [...byText.values()];
      const columns = [rows.map((r) => r[0]!), rows.map((r) => r[1]!)];
      expect([...orderRows(columns, rows.length, 0)]).toEqual([...orderRows(columns, rows.length)]);
    }), { numRuns: 300 });
  });

  it('stats rows come out strictly ascending by the reference comparator, with one and two BY fields', () => {
    const events = fc.array(fc.record({ a: byValue, b: byValue }), { maxLength: 40 });
    fc.assert(fc.property(events, (evs) => {
      for (const by of [['a'], ['a', 'b']]) {
        const keys = runQuery(`* | stats count by ${by.join(', ')}`, evs).map((row) => sortKeysOf(by.map((f) => row[f] as Scalar)));
        for (let i = 1; i < keys.length; i++) expect(compareSortKeys(keys[i - 1]!, keys[i]!)).toBeLessThan(0);
        expect(keys.length).toBe(new Set(evs.map((e) => by.map((f) => groupText(e[f as 'a'])).join('\u0000'))).size);
      }
    }), { numRuns: 300 });
  });
});
