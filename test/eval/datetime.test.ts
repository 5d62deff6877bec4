// Date and time functions, evaluated in UTC with a fixed search start time.
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import { compile } from '../../src/query.js';
import { getZone } from '../../src/time/zone.js';
import { expr } from './expr.js';
import { evaluate, eventOf, TEST_NOW, testContext } from './run.js';

describe('now and time', () => {
  it('now() is the search start time', () => {
    expect(evaluate('now()')).toBe(TEST_NOW);
  });

  it('time() is the wall clock when the event is evaluated', () => {
    const before = Date.now() / 1000;
    const t = evaluate('time()') as number;
    const after = Date.now() / 1000;
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
  });
});

describe('relative_time', () => {
  it('applies a time modifier to a time', () => {
    expect(evaluate('relative_time(now(), "-1d@d")')).toBe(TEST_NOW - 86400);
    expect(evaluate('relative_time(t, "+1h")', { t: '1000' })).toBe(4600);
    expect(evaluate('relative_time(t, m)', { t: TEST_NOW, m: '@d' })).toBe(TEST_NOW);
  });

  it('gives null for a bad modifier read from a field', () => {
    expect(evaluate('relative_time(now(), m)', { m: 'not a modifier' })).toBeNull();
    expect(evaluate('relative_time(missing, "-1d")')).toBeNull();
  });

  it('gives null for a bad literal modifier, with one compile-time warning pointing into the literal', () => {
    // ESCU's first_time_seen_child_process_of_zoom writes a macro call inside the quoted modifier; Splunk does not
    // expand macros inside quoted values (Knowledge Manager Manual, "Use search macros in searches"), so the
    // literal reaches relative_time as is. splq gives NULL (as for a bad modifier read from a field), not an error.
    const text = 'relative_time(now(), "`previously_seen_window`")';
    const warnings: string[] = [];
    const run = compileEval(expr(text), { ...testContext, warn: (m) => warnings.push(m) });
    expect(run(eventOf({}))).toBeNull();
    expect(run(eventOf({}))).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('relative_time');
    expect(warnings[0]).toContain('previously_seen_window');
    const [, start, end] = /\(at (\d+)-(\d+)\)/.exec(warnings[0]!)!.map(Number);
    expect(start).toBeGreaterThanOrEqual(text.indexOf('`'));
    expect(end).toBeLessThanOrEqual(text.lastIndexOf('"'));
  });

  it('compiles a bad literal modifier without a warning channel (the warning is dropped)', () => {
    expect(() => compileEval(expr('relative_time(now(), "yesterday-ish")'), testContext)).not.toThrow();
  });

  it('does not warn for a bad modifier read from a field', () => {
    const warnings: string[] = [];
    const run = compileEval(expr('relative_time(now(), m)'), { ...testContext, warn: (m) => warnings.push(m) });
    expect(run(eventOf({ m: 'nope' }))).toBeNull();
    expect(warnings).toEqual([]);
  });
});

describe('strftime and strptime', () => {
  it('formats epoch seconds in the search time zone', () => {
    expect(evaluate('strftime(_time, "%Y-%m-%dT%H:%M:%S")', { _time: TEST_NOW })).toBe('2021-01-01T00:00:00');
    expect(evaluate('strftime(_time, "%H:%M")', { _time: '3600' })).toBe('01:00');
    const newYork = { ...testContext, zone: getZone('America/New_York') };
    expect(compileEval(expr('strftime(t, "%Y-%m-%d %H:%M")'), newYork)(eventOf({ t: TEST_NOW }))).toBe('2020-12-31 19:00');
  });

  it('parses text into epoch seconds', () => {
    expect(evaluate('strptime("2021-01-01 00:00:00", "%Y-%m-%d %H:%M:%S")')).toBe(TEST_NOW);
    expect(evaluate('strptime(timeStr, "%H:%M")', { timeStr: '08:00' })).toBe(8 * 3600);
    expect(evaluate('strptime("junk", "%Y-%m-%d")')).toBeNull();
  });

  it('round-trips strftime through strptime', () => {
    expect(evaluate('strptime(strftime(t, "%Y-%m-%d %H:%M:%S"), "%Y-%m-%d %H:%M:%S")', { t: 1700000000 })).toBe(1700000000);
  });

  it('gives null for values that are not times', () => {
    expect(evaluate('strftime(x, "%Y")', { x: 'abc' })).toBeNull();
  });
});

describe('relative_time warnings through a compiled query', () => {
  it('sends the bad-literal warning to onWarning, with the query offsets of the bad text, and yields no field', () => {
    const warnings: string[] = [];
    const spl = '| makeresults | eval t=relative_time(now(), "`window_macro`")';
    const q = compile(spl, { onWarning: (m) => warnings.push(m) });
    const [row] = q.runSync([]).map((e) => e.toObject());
    expect(row).toBeDefined();
    expect(row!.t).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/relative_time: invalid time modifier "`window_macro`"/);
    const [, start] = /\(at (\d+)-(\d+)\)/.exec(warnings[0]!)!.map(Number);
    expect(start).toBe(spl.indexOf('`'));
  });
});
