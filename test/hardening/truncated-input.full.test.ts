// Slow cases of issue 16 point 28: a truncated .gz under worker threads, a 65 MiB value inside a JSON array.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-truncated-full-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(spl: string, inputs: string[], threads = 1) {
  const execution = compile(spl).runFiles(inputs, { threads });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  return { rows, summary: await execution.summary };
}

describe('truncated and oversized input', () => {
  it('a truncated .gz is reported the same way with worker threads, and the other files are read', async () => {
    const lines = Array.from({ length: 2000 }, (_, n) => `${JSON.stringify({ n })}\n`).join('');
    const packed = gzipSync(lines);
    const cut = join(dir, 'cut.ndjson.gz');
    writeFileSync(cut, packed.subarray(0, packed.length >> 1));
    const after = join(dir, 'after.ndjson');
    writeFileSync(after, '{"n":-1}\n');
    const threaded = await run('search * | stats count', [cut, after], 2);
    const single = await run('search * | stats count', [cut, after], 1);
    expect(threaded.rows).toEqual(single.rows);
    expect(threaded.summary.malformed.lines).toEqual(single.summary.malformed.lines);
    expect(single.summary.malformed.lines[0]).toMatch(/cut\.ndjson\.gz:\d+: gzip data is truncated/);
  }, 120_000);

  it('a 65 MiB element of a JSON array is one malformed record; the elements before and after it are read', async () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, `[{"a":1},\n{"big":"${'x'.repeat(65 * 1024 * 1024)}"},\n{"a":2}]\n`);
    const { rows, summary } = await run('search * | table a', [path]);
    expect(rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(summary.malformed.lines).toEqual([`${path}:2: record is larger than 67108864 bytes: skipped (is the JSON well-formed?)`]);
  }, 120_000);
});
