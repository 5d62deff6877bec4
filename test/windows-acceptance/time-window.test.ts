// Time windows against a fixed --now across the US spring-forward DST change: CLI --earliest/--latest and earliest= in the search.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splq, tempFiles } from '../helpers/cli.js';
import { ndjsonRows } from './shared-data.js';

/** One event every 30 minutes from 2024-03-09T00:00Z to 2024-03-11T12:00Z (121 events), times in UTC. */
function halfHourEvents(): string {
  const start = Date.UTC(2024, 2, 9);
  const lines: string[] = [];
  for (let i = 0; i <= 120; i++) lines.push(JSON.stringify({ time: new Date(start + i * 1_800_000).toISOString(), n: i }));
  return `${lines.join('\n')}\n`;
}

const file = join(tempFiles({ 'half-hours.json': halfHourEvents() }), 'half-hours.json');
/** 2024-03-10T16:30:00Z = 12:30 EDT in New York, the day clocks jumped from 02:00 EST to 03:00 EDT. */
const NOW = '1710088200';
const SPAN = '| stats count min(_time) as lo max(_time) as hi | eval lo=strftime(lo, "%Y-%m-%dT%H:%M:%S%z"), hi=strftime(hi, "%Y-%m-%dT%H:%M:%S%z")';

async function window(search: string, flags: string[], tz = 'America/New_York'): Promise<Record<string, unknown>> {
  const rows = ndjsonRows(await splq(['run', `${search} ${SPAN}`, '-i', file, '--tz', tz, '--now', NOW, '-o', 'ndjson', ...flags]));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('time windows across a DST change', () => {
  it('--earliest @d --latest +1d@d is the 23-hour local day of the change (46 half hours)', async () => {
    // @d = 2024-03-10 00:00 EST = 05:00Z; +1d@d = 2024-03-11 00:00 EDT = 04:00Z.
    expect(await window('*', ['--earliest', '@d', '--latest', '+1d@d'])).toEqual({ count: 46, lo: '2024-03-10T00:00:00-0500', hi: '2024-03-10T23:30:00-0400' });
  });

  it('the same flags in UTC are a 24-hour day (48 half hours)', async () => {
    expect(await window('*', ['--earliest', '@d', '--latest', '+1d@d'], 'UTC')).toEqual({ count: 48, lo: '2024-03-10T00:00:00+0000', hi: '2024-03-10T23:30:00+0000' });
  });

  it('-12h@h counts exact hours back, then snaps in local time', async () => {
    // 16:30Z - 12 h = 04:30Z = 2024-03-09 23:30 EST; @h = 23:00 EST = 04:00Z. Up to now (16:30Z): 04:00Z..16:00Z.
    expect(await window('*', ['--earliest', '-12h@h', '--latest', 'now'])).toEqual({ count: 25, lo: '2024-03-09T23:00:00-0500', hi: '2024-03-10T12:00:00-0400' });
  });

  it('earliest=-1d latest=now inside the search keeps the wall-clock time: 23 hours back across the change', async () => {
    // 2024-03-10 12:30 EDT - 1d = 2024-03-09 12:30 EST = 17:30Z; to 16:30Z is 23 hours.
    expect(await window('earliest=-1d latest=now', [])).toEqual({ count: 46, lo: '2024-03-09T12:30:00-0500', hi: '2024-03-10T12:00:00-0400' });
  });

  it('earliest=@d latest=+1d@d inside the search, and --now written as local time, agree with the flags', async () => {
    expect(await window('earliest=@d latest=+1d@d', [])).toEqual({ count: 46, lo: '2024-03-10T00:00:00-0500', hi: '2024-03-10T23:30:00-0400' });
    const rows = ndjsonRows(await splq(['run', `* ${SPAN}`, '-i', file, '--tz', 'America/New_York', '--now', '2024-03-10T12:30:00', '--earliest', '@d', '--latest', '+1d@d', '-o', 'ndjson']));
    expect(rows).toEqual([{ count: 46, lo: '2024-03-10T00:00:00-0500', hi: '2024-03-10T23:30:00-0400' }]);
  });
});
