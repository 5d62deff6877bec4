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

  // Splunk SPL2 Search Reference, "streamstats command usage", "Reset after and reset before"
  // (docs.splunk.com/Documentation/SCS/current/SearchReference/StreamstatsCommandUsage): the running sum of bytes by
  // host resets after (or before) the REBOOT event, for every host: after gives 100 200 500 550 150 100,
  // before gives 100 200 500 50 150 150. The SPL (version 1) spelling is reset_after="(<eval-expression>)"
  // (Search Reference, "streamstats", help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/streamstats).
  it('reset_after resets every group after the event that matches (doc example)', () => {
    const out = runQuery('search * | streamstats reset_after="(action=\\"REBOOT\\")" sum(bytes) AS total_bytes BY host', HOSTS);
    expect(out.map((r) => r.total_bytes)).toEqual([100, 200, 500, 550, 150, 100]);
  });

  it('reset_before resets every group before the event that matches (doc example)', () => {
    const out = runQuery('search * | streamstats reset_before="(action=\\"REBOOT\\")" sum(bytes) AS total_bytes BY host', HOSTS);
    expect(out.map((r) => r.total_bytes)).toEqual([100, 200, 500, 50, 150, 150]);
  });

  it('reset_after may read the fields streamstats just wrote; a reset also empties a window', () => {
    // Search Reference, "streamstats": "The eval-expression can reference fields that are returned by the streamstats command."
    const out = runQuery('search * | streamstats reset_after="(n=2)" count AS n', HOSTS);
    expect(out.map((r) => r.n)).toEqual([1, 2, 1, 2, 1, 2]);
    const windowed = runQuery('search * | streamstats window=3 reset_before="(action=\\"REBOOT\\")" sum(bytes) AS s', HOSTS);
    expect(windowed.map((r) => r.s)).toEqual([100, 300, 700, 50, 200, 300]);
  });

  it('reset_on_change: an event missing a BY field neither resets nor counts as the last value', () => {
    // Search Reference, "streamstats": "Only events that have all of the group by fields can trigger a reset."
    const out = runQuery('search * | streamstats reset_on_change=true count AS n BY host', [
      { host: 'a' }, { other: 1 }, { host: 'a' }, { host: 'b' }, { host: 'b' },
    ]);
    expect(out.map((r) => r.n)).toEqual([1, undefined, 2, 1, 2]);
  });

  it('time_window counts the events less than the span before the current one (ascending or descending)', () => {
    const t = [0, 30, 59, 60, 200, 201].map((s) => ({ _time: 1700000000 + s, v: 1 }));
    const up = runQuery('search * | streamstats time_window=1m count AS n', t);
    expect(up.map((r) => r.n)).toEqual([1, 2, 3, 3, 1, 2]);
    const down = runQuery('search * | streamstats time_window=1m count AS n', [...t].reverse());
    expect(down.map((r) => r.n)).toEqual([1, 2, 1, 2, 3, 3]);
    // window= caps the number of events inside a timed window (Search Reference, "streamstats").
    const capped = runQuery('search * | streamstats time_window=1m window=2 count AS n', t);
    expect(capped.map((r) => r.n)).toEqual([1, 2, 2, 2, 1, 2]);
  });

  it('time_window with BY and current=false', () => {
    const t = [
      { _time: 100, h: 'a', b: 1 }, { _time: 110, h: 'b', b: 10 }, { _time: 120, h: 'a', b: 2 }, { _time: 170, h: 'a', b: 4 },
    ];
    expect(runQuery('search * | streamstats time_window=1m sum(b) AS s BY h', t).map((r) => r.s)).toEqual([1, 10, 3, 6]);
    expect(runQuery('search * | streamstats time_window=1m current=false sum(b) AS s BY h', t).map((r) => r.s)).toEqual([undefined, undefined, 1, 2]);
  });

  it('time_window over events out of time order, or without _time, is an error', () => {
    const run = (events: Array<Record<string, number>>) => () => runQuery('search * | streamstats time_window=1h count', events);
    expect(run([{ _time: 1 }, { _time: 5 }, { _time: 3 }])).toThrow(expect.objectContaining({ code: 'bad-argument', message: expect.stringContaining('time order') }));
    expect(run([{ _time: 1 }, { x: 5 }])).toThrow(expect.objectContaining({ message: expect.stringContaining('_time') }));
    expect(run([{ _time: 5 }, { _time: 5 }, { _time: 3 }, { _time: 1 }])).not.toThrow();
  });

  it('bad option values fail at compile time with the option named', () => {
    expect(compileError('search * | streamstats time_window=5 count').message).toContain('time_window');
    expect(compileError('search * | streamstats time_window=2mon count').code).toBe('bad-option');
    const q = 'search * | streamstats reset_before="(x>" count';
    const broken = compileError(q);
    expect(broken.code).toBe('unbalanced-bracket');
    // The error points at the option in the query, not into the expression's own text.
    expect(broken.span?.start).toBe(q.indexOf('reset_before'));
    // limits.conf max_stream_window (default 10000) is the largest window.
    expect(compileError('search * | streamstats window=10001 count').code).toBe('bad-option');
    expect(compileError('search * | streamstats allnum=true count').code).toBe('bad-option');
  });
});
