// eventstats: each event gets its group's aggregates; the events themselves pass through unchanged in number and order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeldEvents } from '../../src/commands/held-events.js';
import { Event } from '../../src/runtime/event.js';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

describe('eventstats', () => {
  // Splunk Search Reference, "eventstats" (help.splunk.com/.../spl-search-reference/.../search-commands/eventstats),
  // as summarised in the project's spec section 8.9: ages 25, 39, 31 and one event without age by city; the
  // San Francisco rows get avg(age)=28, both Seattle rows 39.
  it('adds the group average to every event, also events without the field (doc example)', () => {
    const out = runQuery('search * | eventstats avg(age) BY city', [
      { city: 'San Francisco', age: 25 },
      { city: 'Seattle', age: 39 },
      { city: 'San Francisco', age: 31 },
      { city: 'Seattle' },
    ]);
    expect(out.map((r) => [r.city, r['avg(age)']])).toEqual([
      ['San Francisco', 28],
      ['Seattle', 39],
      ['San Francisco', 28],
      ['Seattle', 39],
    ]);
  });

  it('without BY every event gets the totals; AS names the field', () => {
    const out = runQuery('search * | eventstats count AS n, max(x) AS top', [{ x: 1 }, { x: 5 }, { y: 2 }]);
    expect(out).toEqual([{ x: 1, n: 3, top: 5 }, { x: 5, n: 3, top: 5 }, { y: 2, n: 3, top: 5 }]);
  });

  it('events missing a BY field get nothing but still pass', () => {
    const out = runQuery('search * | eventstats count BY k', [{ k: 'a' }, { z: 1 }, { k: 'a' }]);
    expect(out).toEqual([{ k: 'a', count: 2 }, { z: 1 }, { k: 'a', count: 2 }]);
  });

  it('rejects allnum=true and unknown options', () => {
    expect(compileError('search * | eventstats allnum=true count').code).toBe('bad-option');
    expect(compileError('search * | eventstats bogus=1 count').code).toBe('bad-option');
  });

  it('past its memory budget, a holding command fails with memory-limit naming the command, at its span', () => {
    const held = new HeldEvents('eventstats', { start: 0, end: 10 }, 1);
    const big = () => Event.fromObject({ text: 'x'.repeat(100_000) });
    for (let i = 0; i < 10; i++) held.push(big());
    expect(() => held.push(big())).toThrow(expect.objectContaining({ code: 'memory-limit', span: { start: 0, end: 10 }, message: expect.stringContaining('eventstats: the events it holds take more than its memory budget of 1 MB') }));
  });

  it('law: `eventstats count by x` gives each event its group size and keeps the event count', () => {
    const events = fc.array(fc.record({ x: fc.constantFrom('a', 'b', 'c', 1, 2) }, { requiredKeys: [] }), { maxLength: 60 });
    fc.assert(
      fc.property(events, (input: PlainEvent[]) => {
        const out = runQuery('search * | eventstats count by x', input);
        expect(out.length).toBe(input.length);
        out.forEach((row, i) => {
          const x = input[i]!.x;
          if (x === undefined) expect(row.count).toBeUndefined();
          else expect(row.count).toBe(input.filter((e) => e.x !== undefined && String(e.x) === String(x)).length);
        });
      }),
    );
  });
});
