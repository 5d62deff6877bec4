// append: the subsearch's results after the search's own, within the subsearch limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

describe('append', () => {
  it('appends the subsearch results after the main results, over the same inputs', () => {
    const events = [{ a: 1 }, { a: 2 }, { a: 3 }];
    const out = runQuery('search a=1 | eval side="main" | append [search a>1 | eval side="sub"]', events);
    expect(out).toEqual([{ a: 1, side: 'main' }, { a: 2, side: 'sub' }, { a: 3, side: 'sub' }]);
  });

  it('the subsearch sees the inputs as they were, not as the main search changed them', () => {
    const out = runQuery('search * | eval a=a*100 | append [search a<10]', [{ a: 1 }]);
    expect(out).toEqual([{ a: 100 }, { a: 1 }]);
  });

  // Splunk Search Reference "append": maxout default 50000 rows, maxtime 60 s
  // (help.splunk.com/.../spl-search-reference/9.4/search-commands/append).
  it('maxout cuts the appended rows and warns', () => {
    const warnings: string[] = [];
    const q = compile('search a=0 | append maxout=2 [search a>0]', { onWarning: (m) => warnings.push(m) });
    expect(q.runSync([{ a: 1 }, { a: 2 }, { a: 3 }]).length).toBe(2);
    expect(warnings).toHaveLength(1);
  });

  it('a generating subsearch does not read the inputs', () => {
    expect(runQuery('search * | append [| makeresults count=2 | eval m=1 | table m]', [{ a: 1 }])).toEqual([{ a: 1 }, { m: 1 }, { m: 1 }]);
  });

  it('errors: missing subsearch, unknown option', () => {
    expect(compileError('search * | append').code).toBe('bad-argument');
    expect(compileError('search * | append foo=1 [search x]').code).toBe('bad-option');
  });

  it('law: append [search X] has as many rows as the two searches together (below the limit)', () => {
    const input = fc.array(fc.record({ n: fc.integer({ min: 0, max: 9 }) }), { maxLength: 50 });
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 9 }), (events: PlainEvent[], cut) => {
        const main = runQuery(`search n<${cut}`, events).length;
        const sub = runQuery(`search n>=${cut} n<8`, events).length;
        expect(runQuery(`search n<${cut} | append [search n>=${cut} n<8]`, events).length).toBe(main + sub);
      }),
    );
  });
});
