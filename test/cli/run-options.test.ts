// `splq run` options (issue 16 points 16, 17, 18, 20): one rule for option errors (usage, exit 64, checked before any
// work), --exit-status, `_time` and widths in table/CSV output, a CSV header with no rows, the progress line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splq } from '../helpers/cli.js';
import { progressLine, startProgress } from '../../src/cli/progress.js';
import { terminalWidth } from '../../src/cli/run-options.js';
import { newSourceStats } from '../../src/input/index.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-run-options-'));
const file = join(dir, 'e.ndjson');
writeFileSync(file, '{"a":1,"_time":1700000000,"msg":"short"}\n{"a":2,"_time":1700000100.25,"msg":"short"}\n');
const absent = join(dir, 'absent.ndjson');

describe('option errors: one rule, before any work', () => {
  // The input does not exist: a usage error proves the option was checked before inputs were read.
  it.each([
    [['--tz', 'Mars/Base'], /--tz: unknown time zone/],
    [['--earliest', 'yesterdayish'], /--earliest: invalid time modifier/],
    [['--latest', 'soon'], /--latest: invalid time modifier/],
    [['--now', 'bar'], /--now: invalid time modifier/],
    [['--preset', 'linux'], /unknown preset "linux"/],
    [['--threads', '0'], /--threads expects a positive whole number/],
    [['--format', 'xml'], /--format xml forces the format of the windows preset: give --preset windows too/],
    [['--preset', 'windows', '--format', 'evtx'], /unknown format "evtx"/],
    [['--earliest', '1700000200', '--latest', '1700000000'], /--earliest \(1700000200 = 2023-11-14T22:16:40.000Z\) is not before --latest/],
    [['--earliest', '-1h', '--latest', '-2h'], /is not before --latest/],
    [['-o', 'xml'], /unknown output format "xml"/],
  ])('%j is a usage error (exit 64)', async (flags, message) => {
    const r = await splq(['run', 'a=1', '-i', absent, ...flags]);
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/absent\.ndjson/);
  });

  it('a query error still exits 2, an input error 3', async () => {
    expect((await splq(['run', 'a=1 | stast', '-i', file])).status).toBe(2);
    expect((await splq(['run', 'a=1', '-i', absent])).status).toBe(3);
  });
});

describe('--exit-status', () => {
  it('exits 1 when the query gives no results and 0 when it gives some; without it, 0 either way', async () => {
    expect((await splq(['run', 'a=1', '-i', file, '-o', 'ndjson', '--exit-status'])).status).toBe(0);
    const none = await splq(['run', 'a=9', '-i', file, '-o', 'ndjson', '--exit-status']);
    expect([none.status, none.stdout]).toEqual([1, '']);
    expect((await splq(['run', 'a=9', '-i', file, '-o', 'ndjson'])).status).toBe(0);
    // "did it fire": a stats with no groups still gives a row (count=0), so it is 0 as with grep -c.
    expect((await splq(['run', 'a=9 | stats count', '-i', file, '-o', 'ndjson', '--exit-status'])).status).toBe(0);
  });
});

describe('table and CSV output', () => {
  afterEach(() => {
    delete process.env.COLUMNS;
  });

  it('CSV shows _time as ISO 8601 in the --tz zone; NDJSON keeps the number', async () => {
    const csv = await splq(['run', '* | table _time a', '-i', file, '-o', 'csv', '--tz', 'America/New_York']);
    expect(csv.stdout).toBe('_time,a\n2023-11-14T17:13:20.000-05:00,1\n2023-11-14T17:15:00.250-05:00,2\n');
    const json = await splq(['run', '* | table _time a', '-i', file, '-o', 'ndjson', '--tz', 'America/New_York']);
    expect(json.stdout.split('\n')[0]).toBe('{"_time":1700000000,"a":1}');
  });

  it('the table shows _time as a timestamp too', async () => {
    const table = await splq(['run', 'a=1 | table _time a', '-i', file, '-o', 'table']);
    expect(table.stdout.split('\n').slice(0, 3)).toEqual(['_time                          a', '-----------------------------  -', '2023-11-14T22:13:20.000+00:00  1']);
  });

  it('CSV with no rows prints the header when the query names its columns, nothing when it cannot know them', async () => {
    expect((await splq(['run', 'a=9 | table a msg | sort a', '-i', file, '-o', 'csv'])).stdout).toBe('a,msg\n');
    expect((await splq(['run', 'a=9 | fields + a', '-i', file, '-o', 'csv'])).stdout).toBe('a\n');
    expect((await splq(['run', 'a=9 | table a*', '-i', file, '-o', 'csv'])).stdout).toBe('');
    expect((await splq(['run', 'a=9', '-i', file, '-o', 'csv'])).stdout).toBe('');
  });

  it('the table fits COLUMNS: long values wrap inside narrowed columns', async () => {
    const wide = join(dir, 'wide.ndjson');
    writeFileSync(wide, `${JSON.stringify({ a: 'x'.repeat(150), b: 'y'.repeat(150), c: 'z'.repeat(150) })}\n`);
    process.env.COLUMNS = '80';
    const r = await splq(['run', '* | table a b c', '-i', wide, '-o', 'table']);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stdout.replace(/[^x]/g, '')).toHaveLength(150);
  });

  it('the width comes from the terminal, else from a numeric COLUMNS, else there is none', () => {
    expect(terminalWidth({ isTTY: true, columns: 120 }, { COLUMNS: '80' })).toBe(120);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '80' })).toBe(80);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: 'wide' })).toBeUndefined();
    expect(terminalWidth({}, {})).toBeUndefined();
  });
});

describe('progress on stderr', () => {
  it('the line shows files, events, MB and MB/s, and an ETA when the total size is known', () => {
    const stats = { ...newSourceStats(false), files: 2, eventsRead: 1234567, bytesRead: 50 * 1024 * 1024 };
    expect(progressLine(stats, 10, { totalFiles: 4, totalBytes: 100 * 1024 * 1024 })).toBe('splq: 2/4 files, 1,234,567 events, 50.0 MB at 5.0 MB/s, ETA 0:10, (0:10)');
    expect(progressLine(stats, 10)).toBe('splq: 2 files, 1,234,567 events, 50.0 MB at 5.0 MB/s, (0:10)');
  });

  it('shows only on a terminal, never with --quiet, and clears itself', () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      const tty = { isTTY: true, write: (t: string) => written.push(t) };
      const stats = newSourceStats(false);
      const quiet = startProgress(stats, { quiet: true, stream: tty, intervalMs: 100 });
      const piped = startProgress(stats, { quiet: false, stream: { isTTY: false, write: (t: string) => written.push(t) }, intervalMs: 100 });
      vi.advanceTimersByTime(500);
      quiet.stop();
      piped.stop();
      expect(written).toEqual([]);
      const shown = startProgress(stats, { quiet: false, stream: tty, intervalMs: 100 });
      vi.advanceTimersByTime(250);
      shown.stop();
      expect(written).toHaveLength(3);
      expect(written[0]).toMatch(/^\r\x1b\[Ksplq: 0 files, 0 events/);
      expect(written.at(-1)).toBe('\r\x1b[K');
    } finally {
      vi.useRealTimers();
    }
  });

  it('--quiet is an option of run', async () => {
    expect((await splq(['run', 'a=1', '-i', file, '-o', 'ndjson', '--quiet'])).status).toBe(0);
  });
});
