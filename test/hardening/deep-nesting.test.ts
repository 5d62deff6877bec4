// Deep nesting in records and queries: a malformed record or a parse error, never a crash (issue 16 points 21 and 27).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

async function run(spl: string, lines: string[]) {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(path, lines.join('\n') + '\n');
  const execution = compile(spl).runFiles([path], { threads: 1 });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  const summary = await execution.summary;
  return { rows, malformed: summary.malformed.lines };
}

describe('deep records', () => {
  it('an object 3,000 deep or an array 4,000 deep is one malformed record; the run carries on', async () => {
    for (const spl of ['search * | table *', 'search * | stats count', 'search * | table a x']) {
      const { rows, malformed } = await run(spl, ['{"x":1}', `{"a":${deepObject(3000)}}`, `{"a":${deepArray(4000)}}`, '{"x":2}']);
      expect(malformed.length, spl).toBe(2);
      expect(malformed[0]).toMatch(/:2: .*nest/);
      expect(rows.length, spl).toBe(spl.includes('count') ? 1 : 2);
    }
  });

  it('spath, fromjson and json_extract on a 5,000-deep string give a clean result or SplError', () => {
    const v = deepObject(5000);
    for (const spl of ['search * | spath input=v', 'search * | fromjson v', 'search * | eval j=json_extract(v, "a")']) {
      try {
        compile(spl).runSync([{ v }]);
      } catch (e) {
        expect(e, spl).toBeInstanceOf(SplError);
      }
    }
  });
});

describe('deep queries', () => {
  const cases = [
    `search * | eval x=${'('.repeat(3000)}1${')'.repeat(3000)}`,
    `search ${'('.repeat(3000)}a${')'.repeat(3000)}`,
    `search * | eval x=${'if(true(),'.repeat(1000)}1${',0)'.repeat(1000)}`,
    `search ${'NOT '.repeat(5000)}a`,
    `search * | eval x=${Array.from({ length: 20000 }, () => '1').join('+')}`,
    `search * ${'| eval x=1 '.repeat(20000)}`,
  ];
  for (const [i, spl] of cases.entries()) {
    it(`case ${i}: compiles or raises SplError, never a RangeError`, () => {
      try {
        compile(spl);
      } catch (e) {
        expect(e).toBeInstanceOf(SplError);
        expect((e as SplError).code).toMatch(/query-too-complex|parse-error|unexpected-token/);
      }
    });
  }
});
