// eventstats: each event gets its group's aggregates; the events themselves pass through unchanged in number and order.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeldEvents } from '../../src/commands/held-events.js';
import { splitPipeline } from '../../src/parallel/split.js';
import { Event } from '../../src/runtime/event.js';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';
import { splq, tempFiles } from '../helpers/cli.js';
import { FULL_TIER, fuzzRuns } from '../helpers/tier.js';
import { compileQuery, runOneThread, runThreads } from '../parallel/harness.js';

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

describe('eventstats over threads (issue 14: partial aggregates merged, then the second pass)', () => {
  const split = (text: string) => {
    const query = compileQuery(text);
    return splitPipeline(query.ast, query.pipeline);
  };

  it('workers aggregate eventstats partially when its functions merge exactly; sums stay on the main thread', () => {
    const s = split('search * | eventstats count dc(u) max(n) by h | where count > 1');
    expect(s).toMatchObject({ prefixLength: 1, suffixStart: 2 });
    expect(s?.partialStats?.command).toBe('eventstats');
    expect(split('search * | eventstats avg(n) by h')).toMatchObject({ prefixLength: 1, partialStats: null, suffixStart: 1 });
    // streamstats depends on the order of every event: never partial.
    expect(split('search * | streamstats count by h')).toMatchObject({ partialStats: null, suffixStart: 1 });
  });

  it('the events cross threads with their raw text only when something after may read it', () => {
    expect(split('search * | eventstats count by h | table h count')?.suffixReadsRaw).toBe(false);
    expect(split('search * | eventstats count by h | search error')?.suffixReadsRaw).toBe(true);
    expect(split('search * | eventstats count by _raw | table count')?.suffixReadsRaw).toBe(true);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const QUERIES = [
    'search * | eventstats count dc(u) values(u) first(n) last(n) list(n) min(n) max(n) by h',
    'search * | eventstats count AS total, earliest(n) AS e, latest(n) AS l',
    // Numbers and numeric text group together (7 and "7"): the merged table and the second pass must agree.
    'search * | eventstats count list(h) by n',
    'search * | rex field=m "id=(?<id>\\d+)" | eventstats count by h, id | table h id count n',
    'search n>3 | eventstats median(n) perc90(n) mode(u) by u | head 20',
    // avg runs serially on the main thread: the same answer either way.
    'search * | eventstats avg(n) by h',
  ];
  const record = fc.record(
    {
      h: fc.constantFrom('a', 'b', 'B', 'c'),
      u: fc.constantFrom('u1', 'u2'),
      n: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom('7', 'x')),
      m: fc.constantFrom('id=1 ok', 'id=22', 'none'),
      _time: fc.integer({ min: 1699990000, max: 1700000000 }),
    },
    { requiredKeys: ['m'] },
  );
  const files = fc.array(fc.array(record, { maxLength: 25 }), { minLength: 2, maxLength: 3 });

  it('law: with 2 threads over split input, eventstats gives the rows, order and counters of 1 thread', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (contents) => {
        const dir = mkdtempSync(join(tmpdir(), 'splq-eventstats-'));
        dirs.push(dir);
        const paths = contents.map((records, i) => {
          const file = join(dir, `part${i}.json`);
          writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
          return file;
        });
        for (const text of QUERIES) {
          const one = await runOneThread(text, paths);
          // 256 bytes: the larger files are cut into several byte ranges (as SPLQ_SPLIT_BYTES does for the CLI).
          const two = await runThreads(text, paths, { threads: 2, splitBytes: 256, inProcess: true });
          expect(two, text).toEqual(one);
        }
      }),
      { numRuns: fuzzRuns(8, 40) },
    );
  });

  // Real worker threads load the engine from source (seconds each): full tier only.
  it.runIf(FULL_TIER)('splq run --threads 2 over a split file (SPLQ_SPLIT_BYTES) prints what --threads 1 prints', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ _time: 1700000000 + i, h: `h${i % 7}`, n: (i * 37) % 101 }));
    const dir = tempFiles({ 'events.json': `${lines.join('\n')}\n` });
    const query = 'search * | eventstats count dc(n) max(n) first(n) last(n) by h | table _time h n count dc(n) max(n) first(n) last(n)';
    const run = (threads: string) => splq(['run', query, '-i', join(dir, 'events.json'), '--threads', threads, '-o', 'ndjson'], { SPLQ_SPLIT_BYTES: '4000' });
    const [one, two] = [await run('1'), await run('2')];
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(one.stdout.split('\n').length).toBe(601);
    expect(two.stdout).toBe(one.stdout);
  });
});
