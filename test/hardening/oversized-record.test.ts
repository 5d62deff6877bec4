// A record over the size limit is one malformed line; the lines before and after it are read (issue 16 point 28).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/input/sources/lines.js';
import { blocksToRecords } from '../../src/input/sources/lines.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-oversized-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oversized records', () => {
  it('the splitter skips a line over the limit, whatever the chunking, and numbers the rest right', () => {
    const text = `{"a":1}\n{"big":"${'x'.repeat(300)}"}\n{"a":2}\n{"big":"${'y'.repeat(300)}"}`;
    // Chunks smaller than the limit: a line whole inside one chunk is under the limit by construction (1 MiB chunks, 64 MiB limit).
    for (const chunkSize of [7, 16, 64]) {
      const splitter = new LineSplitter({ label: 'f', firstLine: 1, skipFirstLine: false, ownedEnd: Infinity, maxRecordBytes: 100 });
      const blocks = [];
      for (let at = 0; at < text.length; at += chunkSize) blocks.push(...splitter.pushBlocks(Buffer.from(text.slice(at, at + chunkSize))));
      blocks.push(...splitter.finishBlocks());
      expect(blocks.filter((b) => b.oversized !== undefined).map((b) => b.firstLine), `chunk ${chunkSize}`).toEqual([2, 4]);
      expect(blocksToRecords(blocks).map((r) => [r.line, r.text])).toEqual([[1, '{"a":1}'], [3, '{"a":2}']]);
    }
  });

  it('a 65 MiB line is reported and the run carries on', async () => {
    const path = join(dir, 'big.ndjson');
    writeFileSync(path, `{"a":1}\n{"big":"${'x'.repeat(65 * 1024 * 1024)}"}\n{"a":2}\n`);
    const run = compile('search * | table a').runFiles([path], { threads: 1 });
    const rows: Array<Record<string, unknown>> = [];
    for await (const row of run) rows.push(row.toObject());
    const summary = await run.summary;
    expect(rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(summary.malformed.lines).toEqual([`${path}:2: record is larger than 67108864 bytes: skipped (is the JSON well-formed?)`]);
  }, 120_000);
});
