// sort, tail, reverse (and head's bound): documented orders, types, limits, missing fields; permutation/stability laws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const column = (query: string, field: string, values: unknown[]) =>
  runQuery(query, values.map((v) => (v === undefined ? {} : { [field]: v })) as Array<Record<string, string | number>>).map((r) => r[field]);

describe('sort', () => {
  it('sorts numbers numerically and text lexicographically (uppercase before lowercase)', () => {
    expect(column('* | sort x', 'x', [10, 9, 100, '2'])).toEqual(['2', 9, 10, 100]);
    expect(column('* | sort x', 'x', ['b', 'B', 'a', 'A'])).toEqual(['A', 'B', 'a', 'b']);
  });

  it('- sorts descending; "- field" and "-field" mean the same (corpus forms)', () => {
    expect(column('* | sort - count', 'count', [1, 3, 2])).toEqual([3, 2, 1]);
    expect(column('* | sort -count', 'count', [1, 3, 2])).toEqual([3, 2, 1]);
  });

  it('missing values sort last in both directions', () => {
    expect(column('* | sort x', 'x', [2, undefined, 1])).toEqual([1, 2, undefined]);
    expect(column('* | sort -x', 'x', [2, undefined, 1])).toEqual([2, 1, undefined]);
  });

  it('auto order: numbers, then IP addresses, then text; text with a leading number sorts by it', () => {
    expect(column('* | sort x', 'x', ['abc', '10.0.0.2', '9.0.0.1', '5', '3xyz'])).toEqual(['3xyz', '5', '9.0.0.1', '10.0.0.2', 'abc']);
  });

  it('num(), str() and ip() force a type (documented `sort num(ip), -str(url)`)', () => {
    expect(column('* | sort str(x)', 'x', [10, 9, 100])).toEqual([10, 100, 9]);
    expect(column('* | sort ip(x)', 'x', ['10.0.0.10', '10.0.0.9'])).toEqual(['10.0.0.9', '10.0.0.10']);
    const out = runQuery('* | sort num(a), -str(b)', [{ a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 0, b: 'z' }]);
    expect(out.map((r) => r.b)).toEqual(['z', 'y', 'x']);
  });

  it('a trailing desc reverses the whole order', () => {
    expect(column('* | sort x desc', 'x', [1, 3, 2])).toEqual([3, 2, 1]);
  });

  it('keeps at most 10000 by default, N with `sort N`, everything with `sort 0`', () => {
    const many = Array.from({ length: 10005 }, (_, i) => i);
    expect(column('* | sort -x', 'x', many)).toHaveLength(10000);
    expect(column('* | sort 0 -x', 'x', many)).toHaveLength(10005);
    expect(column('* | sort 2 -x', 'x', [1, 3, 2])).toEqual([3, 2]);
    expect(column('* | sort limit=1 x', 'x', [1, 3, 2])).toEqual([1]);
  });

  it('needs a field and rejects unknown type functions', () => {
    expect(compileError('* | sort 10').code).toBe('bad-argument');
    expect(compileError('* | sort foo(x)').code).toBe('bad-argument');
  });
});

describe('tail and reverse', () => {
  it('tail N returns the last N results, last first', () => {
    expect(column('* | tail 2', 'x', [1, 2, 3, 4])).toEqual([4, 3]);
    expect(column('* | tail', 'x', Array.from({ length: 12 }, (_, i) => i))).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it('reverse flips the order', () => {
    expect(column('* | reverse', 'x', [1, 2, 3])).toEqual([3, 2, 1]);
  });
});

describe('sort, tail and head laws', () => {
  const rows = fc.array(fc.record({ x: fc.option(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'B', '2x')), { nil: undefined }) }), {
    maxLength: 20,
  });
  const withIds = (evs: Array<{ x?: string | number }>) => evs.map((e, i) => ({ id: i, ...e }));

  it('sort is a stable permutation', () => {
    fc.assert(
      fc.property(rows, (evs) => {
        const input = withIds(evs);
        const out = runQuery('* | sort 0 x', input);
        expect(out.map((r) => r.id).sort((a, b) => Number(a) - Number(b))).toEqual(input.map((r) => r.id));
        // Stability: results with equal keys keep their input order.
        for (let i = 1; i < out.length; i++) {
          if (out[i]!.x === out[i - 1]!.x) expect(Number(out[i]!.id)).toBeGreaterThan(Number(out[i - 1]!.id));
        }
        expect(runQuery('* | sort 0 x', out)).toEqual(out);
      }),
    );
  });

  it('head n returns min(n, count) results; tail n the same count', () => {
    fc.assert(
      fc.property(rows, fc.nat(25), (evs, n) => {
        const input = withIds(evs);
        expect(runQuery(`* | head ${n}`, input)).toHaveLength(Math.min(n, input.length));
        expect(runQuery(`* | tail ${n}`, input).map((r) => r.id)).toEqual(input.slice(Math.max(0, input.length - n)).reverse().map((r) => r.id));
      }),
    );
  });
});
