// streamstats: running aggregates per event (current, window, global, reset_on_change, BY).
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const HOSTS = [
  { host: 'x', action: 'LOGON', bytes: 100 },
  { host: 'y', action: 'APP_START', bytes: 200 },
  { host: 'x', action: 'FILE_DOWNLOAD', bytes: 400 },
  { host: 'x', action: 'REBOOT', bytes: 50 },
  { host: 'y', action: 'LOGON', bytes: 150 },
  { host: 'x', action: 'LOGON', bytes: 100 },
];

describe('streamstats', () => {
  // Splunk SPL2 Search Reference, "streamstats command: Overview, syntax, and usage", "Compute a moving average over a
  // series of events" (help.splunk.com/splunk-enterprise/search/spl2-search-reference/streamstats-command/...):
  // `streamstats window=3 avg(bytes)` gives 100, 150, 233.33, 216.66, 200, 100.
  it('window=3 avg(bytes) (doc example)', () => {
    const out = runQuery('search * | streamstats window=3 avg(bytes)', HOSTS).map((r) => r['avg(bytes)'] as number);
    expect(out.map((v) => Math.floor(v * 100) / 100)).toEqual([100, 150, 233.33, 216.66, 200, 100]);
  });

  it('a running count per BY group (the corpus: `streamstats count as rank by src query`)', () => {
    const out = runQuery('search * | streamstats count AS rank BY host', HOSTS);
    expect(out.map((r) => r.rank)).toEqual([1, 1, 2, 3, 2, 4]);
  });

  it('current=false leaves the event out of its own result', () => {
    const out = runQuery('search * | streamstats current=false sum(bytes) AS before', HOSTS);
    expect(out.map((r) => r.before)).toEqual([undefined, 100, 300, 700, 750, 900]);
  });

  it('global=false keeps one window per group', () => {
    const out = runQuery('search * | streamstats window=2 global=false sum(bytes) AS s BY host', HOSTS);
    expect(out.map((r) => r.s)).toEqual([100, 200, 500, 450, 350, 150]);
  });

  it('reset_on_change starts over when the BY values change', () => {
    const out = runQuery('search * | streamstats reset_on_change=true count AS n BY host', HOSTS);
    expect(out.map((r) => r.n)).toEqual([1, 1, 1, 2, 1, 1]);
  });

  it('time_window and reset_before are not supported yet', () => {
    expect(compileError('search * | streamstats time_window=1h count').code).toBe('bad-option');
    expect(compileError('search * | streamstats reset_before="(x>1)" count').code).toBe('bad-option');
  });
});
