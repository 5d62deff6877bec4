// `rename` (spec section 4): overwrite rules, missing sources, wildcards, and the wildcard-count check.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('rename', () => {
  it('renames in place and overwrites an existing target', () => {
    expect(runQuery('search * | rename pid AS product_id', [{ pid: 7, x: 1, product_id: 9 }])).toEqual([{ product_id: 7, x: 1 }]);
  });
  it('renaming a missing field removes the existing target (rename cannot merge fields)', () => {
    expect(runQuery('search * | rename pid AS product_id', [{ product_id: 9, x: 1 }])).toEqual([{ x: 1 }]);
  });
  it('renaming a missing field onto a missing target changes nothing', () => {
    expect(runQuery('search * | rename fieldA AS fieldB', [{ x: 1 }])).toEqual([{ x: 1 }]);
  });
  it('wildcards carry the matched part: EU* AS EMEA*', () => {
    const out = runQuery('search * | rename EU* AS EMEA*', [{ EU_UK: 1, EU_DE: 2, US: 3, EU_PL: 4 }]);
    expect(out).toEqual([{ EMEA_UK: 1, EMEA_DE: 2, US: 3, EMEA_PL: 4 }]);
  });
  it('several pairs, comma-separated, quoted names with spaces', () => {
    expect(runQuery('search * | rename count AS "Count of Events", host AS h', [{ count: 3, host: 'a' }])).toEqual([{ 'Count of Events': 3, h: 'a' }]);
  });
  it('a different number of * on each side is an error with a span', () => {
    const err = compileError('search * | rename price-a*price-b AS price-a');
    expect(err.code).toBe('bad-argument');
    expect(err.message).toMatch(/wildcard mismatch/);
    expect(err.span?.start).toBe('search * | rename '.length);
  });
});
