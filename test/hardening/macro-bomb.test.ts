// A macro fan-out bomb ends in a clean SplError, fast (issue 16 point 26).
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { expandMacros } from '../../src/macros/expand.js';
import { libraryOf } from '../macros/helpers.js';

/** m0 is `x`; m(k) calls m(k-1) ten times: m7 would expand to 10^7 calls. */
function bomb(levels: number) {
  const table: Record<string, string> = { m0: 'x=1' };
  for (let k = 1; k <= levels; k++) table[`m${k}`] = Array.from({ length: 10 }, () => `\`m${k - 1}\``).join(' OR ');
  return libraryOf(table);
}

describe('macro expansion limit', () => {
  it('a 10-way fan-out 7 levels deep fails with macro-expansion-limit, not out of memory', () => {
    const started = performance.now();
    let error: unknown;
    try {
      expandMacros('search `m7`', bomb(7));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SplError);
    expect((error as SplError).code).toBe('macro-expansion-limit');
    expect((error as SplError).span).toEqual({ start: 7, end: 11 });
    // Without the limit this expansion ran out of memory (6 levels took 19.5 s); the bound leaves room for a
    // loaded machine (a 3 s bound failed at load 25), it is not a benchmark.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('an ordinary fan-out still expands', () => {
    expect(expandMacros('search `m2`', bomb(2)).text.split('x=1').length - 1).toBe(100);
  });
});
