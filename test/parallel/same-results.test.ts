// Law: for any input files and query, 2 or 3 threads give the rows, order, counters and malformed reports of 1 thread.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileQuery, decodeAll, runOneThread, runThreads, storedFields } from './harness.js';
import { fuzzRuns } from '../helpers/tier.js';

/** Small enough that the larger generated files are cut into several byte ranges. */
const SPLIT_BYTES = 256;

const QUERIES = [
  'search host=h1',
  'search n>3 OR user=u2',
  'search error',
  'search * | rex field=msg "id=(?<id>\\d+)" | stats count dc(user) values(id) first(n) last(n) list(n) earliest(n) latest(n) by host',
  'search * | rex field=msg max_match=0 "id=(?<id>\\d+)" | stats count avg(n) by host, id',
  'search * | eval k=n*2, h=upper(host) | table h, k, user, tags{}',
  'search user=* | stats count min(n) max(n) median(n) perc90(n) range(n) mode(host) earliest_time(n) latest_time(n) rate(n)',
  'search * | rename tags{} AS tag | mvexpand tag | stats count list(host) by tag',
  'search * | stats sum(n) stdev(n) by host',
  'search * | where n > 10 | fields host, n | sort n',
  'search * | head 7',
  'search * | head 1000 | search error',
  'search host=nomatch | stats count',
];

const record = fc.record(
  {
    host: fc.constantFrom('h1', 'h2', 'H1', 'h3'),
    user: fc.constantFrom('u1', 'u2', 'u3'),
    // Tenths make floating-point sums depend on the order of additions (0.1 + (0.2 + 0.3) !== (0.1 + 0.2) + 0.3).
    n: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -999, max: 999 }).map((i) => i / 10), fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom('7', '3.5', 'x')),
    msg: fc.constantFrom('id=1 ok', 'id=22 error', 'error without id', 'id=3 id=4 two ids'),
    tags: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
    _time: fc.integer({ min: 1699990000, max: 1700000000 }),
  },
  { requiredKeys: ['host', 'msg'] },
);

/** Mostly events, sometimes a malformed line. */
const line = fc.oneof({ weight: 12, arbitrary: record.map((r) => JSON.stringify(r)) }, { weight: 1, arbitrary: fc.constant('{"host": oops}') });
const files = fc.array(fc.array(line, { maxLength: 30 }), { minLength: 2, maxLength: 4 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeFiles(contents: string[][]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'splq-parallel-'));
  dirs.push(dir);
  return contents.map((lines, i) => {
    const file = join(dir, `part${i}.json`);
    writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
    return file;
  });
}

describe('parallel runs give the one-thread results', () => {
  it('law: threads 2 and 3 equal threads 1, which equals Query.runSync over the decoded events', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (contents) => {
        const paths = writeFiles(contents);
        const events = await decodeAll(paths);
        for (const text of QUERIES) {
          const one = await runOneThread(text, paths);
          expect(compileQuery(text).runSync(events.map((ev) => ev.clone())).map(storedFields), text).toEqual(one.rows);
          for (const threads of [2, 3]) {
            const many = await runThreads(text, paths, { threads, splitBytes: SPLIT_BYTES, inProcess: true });
            expect(many, `${text} with ${threads} threads`).toEqual(one);
          }
        }
      }),
      { numRuns: fuzzRuns(6, 25) },
    );
  });
});
