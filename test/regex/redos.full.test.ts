// Issue 16 point 23: catastrophic patterns over a 30 KB value finish within the matching budget in every regex command.
// Full tier: about 10 s in all. Each command's two runs (a value that matches, one that does not) must take under
// PER_COMMAND_MS together; docs/reliability.md gives the measured figures (RE2 is linear, so it has no time limit).
import { describe, expect, it } from 'vitest';
import { REGEX_TIME_BUDGET_MS } from '../../src/regex/budget.js';
import { compileError, runQuery } from '../helpers/run.js';

const SIZE = 30_000;
/** "At most a few seconds each" (issue 16), with room for a loaded 2-core machine. */
const PER_COMMAND_MS = 5_000;
const failing = `${'a'.repeat(SIZE)}!`;

/** Each pattern, a 30 KB value it matches, and what its one group captures there (PCRE: the last iteration). */
const CASES = [
  { pattern: '(a+)+$', matching: 'a'.repeat(SIZE), group: 'a'.repeat(SIZE) },
  { pattern: '(a|aa)*b', matching: `${'a'.repeat(SIZE)}b`, group: 'a' },
  { pattern: '(.*a){20}$', matching: 'a'.repeat(SIZE), group: 'a' },
];

/** Run a query over one event `{v: value}` and say how long it took. */
function timed(query: string, value: string): { rows: ReturnType<typeof runQuery>; ms: number } {
  const started = Date.now();
  const rows = runQuery(query, [{ v: value }]);
  return { rows, ms: Date.now() - started };
}

describe.each(CASES)('$pattern over a 30 KB value', ({ pattern, matching, group }) => {
  const named = pattern.replace('(', '(?<x>');

  it('rex extracts on a match and nothing on a failure, each within the budget', () => {
    const hit = timed(`* | rex field=v "${named}"`, matching);
    expect(hit.rows[0]!.x).toBe(group);
    const miss = timed(`* | rex field=v "${named}"`, failing);
    expect(miss.rows[0]!.x).toBeUndefined();
    expect(hit.ms + miss.ms).toBeLessThan(PER_COMMAND_MS);
  });

  it('regex keeps the matching event and drops the other', () => {
    const hit = timed(`* | regex v="${pattern}"`, matching);
    const miss = timed(`* | regex v="${pattern}"`, failing);
    expect([hit.rows.length, miss.rows.length]).toEqual([1, 0]);
    expect(hit.ms + miss.ms).toBeLessThan(PER_COMMAND_MS);
  });

  it('match() and replace() answer within the budget', () => {
    const query = `* | eval m=if(match(v, "${pattern}"), 1, 0), r=len(replace(v, "${pattern}", "X"))`;
    const hit = timed(query, matching);
    const miss = timed(query, failing);
    expect([hit.rows[0]!.m, miss.rows[0]!.m, miss.rows[0]!.r]).toEqual([1, 0, SIZE + 1]);
    expect(hit.rows[0]!.r).toBeLessThan(SIZE);
    expect(hit.ms + miss.ms).toBeLessThan(PER_COMMAND_MS);
  });

  it('rex mode=sed edits within the budget', () => {
    const query = `* | rex field=v mode=sed "s/${pattern}/X/"`;
    const miss = timed(query, failing);
    expect(miss.rows[0]!.v).toBe(failing);
    const hit = timed(query, matching);
    expect((hit.rows[0]!.v as string).endsWith('X')).toBe(true);
    expect(hit.ms + miss.ms).toBeLessThan(PER_COMMAND_MS);
  });
});

describe('a catastrophic pattern RE2 cannot run', () => {
  it('ends with regex-limit naming the field and the pattern', () => {
    const started = Date.now();
    const error = compileErrorOrRunError(`* | rex field=v "(?<x>a+)+\\1$"`, `${'a'.repeat(40)}!`);
    expect(error.code).toBe('regex-limit');
    expect(error.message).toMatch(/^in rex field=v: regex ran past its 2 s budget on a value of 41 characters: \(\?<x>a\+\)\+\\1\$/);
    expect(Date.now() - started).toBeLessThan(REGEX_TIME_BUDGET_MS + 2000);
  }, 10_000);
});

function compileErrorOrRunError(query: string, value: string) {
  try {
    runQuery(query, [{ v: value }]);
  } catch (err) {
    return err as ReturnType<typeof compileError>;
  }
  throw new Error('expected an error');
}
