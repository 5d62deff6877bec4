// One malformed-line rule whatever the query: every query shape, pre-filter on or off, the same malformed set and count.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-malformed-rule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Queries that keep every well-formed event of the files below (the data all have EventCode=4688). */
const ALL_EVENTS = [
  'search * | stats count',
  'EventCode=4688 | stats count',
  '4688 | stats count',
  'search * | eval l=len(_raw) | stats count',
  'search EventCode=* | stats count',
  'search * | table _raw | stats count',
  'search * | fields host | stats count',
  'search * | where isnotnull(EventCode) | stats count',
];

/** Count and malformed lines (file:line only) of one run. */
async function run(spl: string, path: string, prefilter: boolean): Promise<{ count: unknown; malformed: string[] }> {
  const execution = compile(spl).runFiles([path], { prefilter, threads: 1 });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  const summary = await execution.summary;
  return { count: rows[0]?.count, malformed: summary.malformed.lines.map((line) => line.split(': ')[0]!) };
}

let fileNo = 0;
function write(lines: string[]): string {
  const path = join(dir, `f${fileNo++}.ndjson`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const validLine = fc.record({ host: fc.constantFrom('a', 'b', 'c"d', 'é'), n: fc.integer() }).map(({ host, n }) => JSON.stringify({ EventCode: 4688, host, n }));
/** Broken lines: glued objects, a missing comma, a truncation, a trailing comma, a bare value, an array, control chars. */
const brokenLine = fc.oneof(
  fc.constant('{"EventCode":4688,"host":"b"}{"EventCode":4688,"host":"c"}'),
  fc.constant('{"EventCode":4688 "host":"d"}'),
  fc.constant('{"EventCode":4688,"host":"e"'),
  fc.constant('{"EventCode":4688,"host":"f",}'),
  fc.constant('4688'),
  fc.constant('[{"EventCode":4688}]'),
  fc.constant('{"EventCode":4688,"host":"g\th"}'),
  fc.constant('{"EventCode":04688}'),
  fc.constant('{"EventCode":4688,"host":"x"} trailing'),
  validLine.map((line) => line.slice(0, Math.max(1, line.length - 3))),
);
/** The first line is valid: what it looks like decides the file's layout (a leading `[` or glued objects make it a JSON stream). */
const lines = fc
  .tuple(validLine, fc.array(fc.oneof({ arbitrary: validLine, weight: 2 }, { arbitrary: brokenLine, weight: 1 }), { maxLength: 12 }))
  .map(([first, rest]) => [first, ...rest]);

describe('one malformed-line rule', () => {
  it('issue 16 point 2: glued objects and a missing comma are malformed for every query', async () => {
    const path = write(['{"EventCode":4688,"host":"a"}', '{"EventCode":4688,"host":"b"}{"EventCode":4688,"host":"c"}', '{"EventCode":4688 "host":"d"}']);
    for (const spl of ALL_EVENTS) {
      expect(await run(spl, path, true), spl).toEqual({ count: 1, malformed: [`${path}:2`, `${path}:3`] });
    }
  });

  it('law: every query shape and --no-prefilter agree on the malformed set and on stats count', async () => {
    await fc.assert(
      fc.asyncProperty(lines, async (content) => {
        const path = write(content);
        const expectedMalformed = content.flatMap((line, i) => (isObjectJson(line) ? [] : [`${path}:${i + 1}`]));
        const expected = { count: content.length - expectedMalformed.length, malformed: expectedMalformed };
        for (const spl of ALL_EVENTS) {
          for (const prefilter of [true, false]) expect(await run(spl, path, prefilter), `${spl} prefilter=${prefilter}`).toEqual(expected);
        }
        // A rare literal makes the reader skip lines undecoded (the sparse byte scan): they are judged all the same.
        expect(await run('host=nomatch | stats count', path, true)).toEqual({ count: 0, malformed: expectedMalformed });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

function isObjectJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
