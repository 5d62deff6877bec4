// query.runFiles (the library) and `splq run` (the CLI) share one scan plan: same rows, same malformed reports.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { cliArgs, cliRows, libraryRun } from './compare.js';
import { splq, tempFiles } from '../helpers/cli.js';


/** Rows and malformed lines from the CLI (in-process). */
async function cli(args: string[]) {
  const r = await splq(cliArgs(args));
  expect(r.status, r.stderr).toBe(0);
  return cliRows(r);
}

describe('query.runFiles equals splq run', () => {
  it('on a small file with malformed lines, in both the pre-filtered and the plain path', async () => {
    const dir = tempFiles({ 'e.json': '{"host":"a","n":1}\n{"host": oops}\n{"host":"b","n":2}\n{"host":"a","n":3}\n' });
    for (const spl of ['host=a | table host n', 'search * | stats count by host']) {
      const lib = await libraryRun(spl, [dir]);
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
