// appendpipe: the results, then the subpipeline run over those results (not over the inputs).
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('appendpipe', () => {
  // Splunk Search Reference "appendpipe", example "Append subtotals for each action across all users"
  // (help.splunk.com/.../spl-search-reference/9.4/search-commands/appendpipe): `stats count by action, user |
  // appendpipe [stats sum(count) as count by action | eval user = "TOTAL - ALL USERS"]` adds one total row per action.
  it('appends subtotal rows computed from the results (doc example)', () => {
    const events = [
      { action: 'purchase', user: 'a' }, { action: 'purchase', user: 'a' }, { action: 'purchase', user: 'b' },
      { action: 'view', user: 'a' },
    ];
    const out = runQuery('search * | stats count by action, user | appendpipe [stats sum(count) as count by action | eval user = "TOTAL - ALL USERS"]', events);
    expect(out).toEqual([
      { action: 'purchase', user: 'a', count: 2 },
      { action: 'purchase', user: 'b', count: 1 },
      { action: 'view', user: 'a', count: 1 },
      { action: 'purchase', count: 3, user: 'TOTAL - ALL USERS' },
      { action: 'view', count: 1, user: 'TOTAL - ALL USERS' },
    ]);
  });

  it('the subpipeline sees the results as they left appendpipe, even if later commands change them', () => {
    const out = runQuery('search * | appendpipe [stats count AS n] | eval x=x*10', [{ x: 1 }, { x: 2 }]);
    expect(out).toEqual([{ x: 10 }, { x: 20 }, { n: 2 }]);
  });

  it('a leading pipe in the subpipeline is allowed (`appendpipe [| timechart ...]` in the corpus)', () => {
    const out = runQuery('search * | appendpipe [| stats count]', [{ x: 1 }]);
    expect(out).toEqual([{ x: 1 }, { count: 1 }]);
  });

  it('errors: no subpipeline; unknown option', () => {
    expect(compileError('search * | appendpipe').code).toBe('bad-argument');
    expect(compileError('search * | appendpipe foo=1 [stats count]').code).toBe('bad-option');
  });
});
