// query.runFiles (the library) and `splq run` (the CLI) share one scan plan: same rows, same malformed reports.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { REPO, splq, tempFiles } from '../helpers/cli.js';

const MACROS = join(REPO, 'queries/macros');

/** Rows and malformed lines from the library. */
async function library(spl: string, inputs: string[], options: Parameters<ReturnType<typeof compile>['runFiles']>[1] = {}) {
  const query = compile(spl, { macros: [MACROS], now: 1_700_000_000 });
  const run = query.runFiles(inputs, options);
  const rows: string[] = [];
  for await (const row of run) rows.push(JSON.stringify(row.toObject()));
  const summary = await run.summary;
  return { rows, malformed: summary.malformed.lines, summary };
}

/** Rows and malformed lines from the CLI (NDJSON out, malformed lines on stderr). */
async function cli(args: string[]) {
  const r = await splq(['run', ...args, '-o', 'ndjson', '--now', '1700000000']);
  expect(r.status, r.stderr).toBe(0);
  const malformed = r.stderr.split('\n').filter((l: string) => l.startsWith('splq: malformed input: ')).map((l: string) => l.slice('splq: malformed input: '.length));
  return { rows: r.stdout.split('\n').filter((l: string) => l !== ''), malformed };
}

describe('query.runFiles equals splq run', () => {
  it('on a small file with malformed lines, in both the pre-filtered and the plain path', async () => {
    const dir = tempFiles({ 'e.json': '{"host":"a","n":1}\n{"host": oops}\n{"host":"b","n":2}\n{"host":"a","n":3}\n' });
    for (const spl of ['host=a | table host n', 'search * | stats count by host']) {
      const lib = await library(spl, [dir]);
      const bin = await cli([spl, '-i', dir]);
      expect(lib.rows).toEqual(bin.rows);
      expect(lib.malformed).toEqual(bin.malformed);
      expect(lib.rows.length).toBeGreaterThan(0);
    }
  });

  it('stops reading when the reader breaks early, and a second run of the same query gives the same rows', async () => {
    const dir = tempFiles({ 'e.json': Array.from({ length: 10_000 }, (_, i) => `{"n":${i}}`).join('\n') });
    const query = compile('search * | table n');
    const first: unknown[] = [];
    for await (const row of query.runFiles([dir])) {
      first.push(row.get('n'));
      if (first.length === 3) break;
    }
    expect(first).toEqual([0, 1, 2]);
    const run = query.runFiles([dir]);
    let count = 0;
    for await (const _ of run) count++;
    expect(count).toBe(10_000);
    expect((await run.summary).eventsRead).toBe(10_000);
  });

  it('checks options like the CLI: an unknown preset is a usage error', async () => {
    const run = compile('search *').runFiles(['-'], { preset: 'linux' });
    await expect(async () => {
      for await (const _ of run) void _;
    }).rejects.toThrow(/unknown preset "linux"/);
  });
});
