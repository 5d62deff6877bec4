// Group output order: text BY values sort in UTF-8 byte order, also when the fast native comparison is used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSortKeys, sortKeysOf } from '../../src/aggregates/group-order.js';
import { compareUtf8 } from '../../src/search/utf8-order.js';

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
});
