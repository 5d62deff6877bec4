// sort's bounded selection: StableTop equals a full stable sort cut to the limit; `sort | head N` equals sort then head.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StableTop } from '../../src/commands/stable-top.js';
import { runQuery } from '../helpers/run.js';

interface Item {
  key: number;
  id: number;
}

const byKey = (a: Item, b: Item): number => a.key - b.key;

/** Keys from a small range, so ties are common; each item knows its arrival number. */
const items = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 200 }).map((keys) => keys.map((key, id): Item => ({ key, id })));
const limit = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 250 }), fc.constant(Infinity));

function topOf(list: Item[], max: number): Item[] {
  const top = new StableTop<Item>(max, byKey);
  for (const item of list) top.push(item);
  return top.sorted();
}

describe('StableTop', () => {
  it('equals a full stable sort then slice, ties in arrival order, for any limit', () => {
    fc.assert(fc.property(items, limit, (list, max) => {
      expect(topOf(list, max)).toEqual([...list].sort(byKey).slice(0, max));
    }), { numRuns: 1000 });
  });

  it('keeps the right items when they arrive in the worst order (descending) and the best (ascending)', () => {
    const list = Array.from({ length: 100 }, (_, id): Item => ({ key: 99 - id, id }));
    expect(topOf(list, 3).map((i) => i.key)).toEqual([0, 1, 2]);
    expect(topOf([...list].reverse(), 3).map((i) => i.key)).toEqual([0, 1, 2]);
  });
});

describe('sort with a limit and a following head', () => {
  const rows = fc.array(fc.record({ x: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b', '10.0.0.1')), n: fc.nat() }), { maxLength: 60 });

  it('`sort N` and `sort ... | head K` equal the full sort (`sort 0`) cut to N, then to K', () => {
    fc.assert(fc.property(rows, fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 70 }), (evs, n, k) => {
      const full = runQuery('* | sort 0 -x', evs);
      expect(runQuery(`* | sort ${n} -x`, evs)).toEqual(full.slice(0, n));
      expect(runQuery(`* | sort -x | head ${k}`, evs)).toEqual(full.slice(0, k));
      expect(runQuery(`* | sort ${n} -x | head ${k}`, evs)).toEqual(full.slice(0, Math.min(n, k)));
      expect(runQuery(`* | sort 0 -x | head limit=${k} (n >= 0)`, evs)).toEqual(full.slice(0, k));
    }), { numRuns: 300 });
  });

  it('head with only an expression does not bound the sort', () => {
    const evs = Array.from({ length: 30 }, (_, i) => ({ x: i }));
    expect(runQuery('* | sort 0 -x | head (x > 3)', evs)).toHaveLength(26);
  });
});
