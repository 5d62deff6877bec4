// Invalid UTF-8 is counted and reported, and fails under --strict (issue 16 point 30).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'bad.ndjson');
writeFileSync(path, Buffer.concat([Buffer.from('{"a":"ok"}\n{"a":"b'), Buffer.from([0xff, 0xfe]), Buffer.from('d"}\n{"a":"x"}\n')]));

async function run(spl: string, strict: boolean, prefilter = true) {
  const execution = compile(spl).runFiles([path], { strict, prefilter, threads: 1 });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  return { rows, malformed: (await execution.summary).malformed.lines };
}

describe('invalid UTF-8', () => {
  it('is reported at its line (the event kept, with U+FFFD) whatever the query', async () => {
    for (const spl of ['search * | table a', 'search * | stats count', 'a=nomatch | stats count']) {
      for (const prefilter of [true, false]) {
        const { malformed } = await run(spl, false, prefilter);
        expect(malformed, spl).toEqual([`${path}:2: invalid UTF-8 (each bad byte sequence read as U+FFFD; the event is kept)`]);
      }
    }
    expect((await run('search * | table a', false)).rows).toEqual([{ a: 'ok' }, { a: 'b\ufffd\ufffdd' }, { a: 'x' }]);
  });

  it('fails the run under --strict', async () => {
    const failure = await run('search * | table a', true).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(SplError);
    expect((failure as SplError).message).toContain(`${path}:2: invalid UTF-8`);
  });
});
