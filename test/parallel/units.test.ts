// Work units: whole files, large plain files cut into contiguous byte ranges; the default thread count.
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseThreads, planUnits, SMALL_INPUT_BYTES } from '../../src/parallel/units.js';

describe('planUnits', () => {
  it('small files are one unit each, in input order', () => {
    const units = planUnits([{ file: 'a.json', size: 10 }, { file: 'b.json', size: 0 }], 4, 100);
    expect(units).toEqual([{ index: 0, file: 'a.json' }, { index: 1, file: 'b.json' }]);
  });
  it('a .gz file is never cut (it cannot be read from an offset)', () => {
    expect(planUnits([{ file: 'a.json.gz', size: 1000 }], 2, 100)).toEqual([{ index: 0, file: 'a.json.gz' }]);
  });
  it('a large file is cut into one equal range per thread, fewer when ranges would fall under the split size', () => {
    expect(planUnits([{ file: 'big.json', size: 1000 }], 2, 100).map((u) => u.range)).toEqual([{ start: 0, end: 500 }, { start: 500, end: 1000 }]);
    expect(planUnits([{ file: 'big.json', size: 1000 }], 3, 100).map((u) => u.range)).toEqual([
      { start: 0, end: 334 }, { start: 334, end: 668 }, { start: 668, end: 1000 },
    ]);
    expect(planUnits([{ file: 'big.json', size: 250 }], 8, 100).map((u) => u.range)).toEqual([{ start: 0, end: 125 }, { start: 125, end: 250 }]);
  });
  it('law: the ranges of a file tile it exactly, in order, each at least the split size but the last', () => {
    const sized = fc.record({ size: fc.integer({ min: 0, max: 100_000 }), gz: fc.boolean() });
    fc.assert(
      fc.property(fc.array(sized, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 5000 }), (files, threads, split) => {
        const named = files.map((f, i) => ({ file: `f${i}.json${f.gz ? '.gz' : ''}`, size: f.size }));
        const units = planUnits(named, threads, split);
        expect(units.map((u) => u.index)).toEqual(units.map((_, i) => i));
        named.forEach(({ file, size }) => {
          const mine = units.filter((u) => u.file === file);
          if (!mine[0]!.range) return expect(mine).toHaveLength(1);
          expect(size).toBeGreaterThan(split);
          expect(mine[0]!.range.start).toBe(0);
          expect(mine.at(-1)!.range!.end).toBe(size);
          mine.slice(1).forEach((u, i) => expect(u.range!.start).toBe(mine[i]!.range!.end));
          mine.slice(0, -1).forEach((u) => expect(u.range!.end - u.range!.start).toBeGreaterThanOrEqual(split));
        });
      }),
    );
  });
});

describe('chooseThreads', () => {
  it('an explicit count wins', () => {
    expect(chooseThreads(3, 0)).toBe(3);
  });
  it('by default one thread for a small input, every core for a large one', () => {
    expect(chooseThreads(undefined, SMALL_INPUT_BYTES - 1)).toBe(1);
    expect(chooseThreads(undefined, SMALL_INPUT_BYTES)).toBe(availableParallelism());
  });
});
