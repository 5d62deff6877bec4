// A truncated .gz and an oversized value of a JSON array are reported and reading carries on (issue 16 point 28).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonRecordScanner } from '../../src/input/sources/json-values.js';
import { readRecords } from '../../src/input/sources/records.js';
import type { RawRecord } from '../../src/input/sources/raw-record.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-truncated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(spl: string, inputs: string[], strict = false) {
  const execution = compile(spl).runFiles(inputs, { threads: 1, strict });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  return { rows, summary: await execution.summary };
}

/** 2,000 NDJSON lines gzipped, cut off in the middle of the compressed data. */
function truncatedGz(name: string): string {
  const lines = Array.from({ length: 2000 }, (_, n) => `${JSON.stringify({ n, pad: 'x'.repeat(40 + (n % 7)) })}\n`).join('');
  const packed = gzipSync(lines);
  const path = join(dir, name);
  writeFileSync(path, packed.subarray(0, packed.length >> 1));
  return path;
}

describe('a truncated .gz file', () => {
  const cut = truncatedGz('cut.ndjson.gz');
  const after = join(dir, 'after.ndjson');
  writeFileSync(after, '{"n":-1,"after":"yes"}\n');

  it('keeps what came before the cut, is reported at the line reading reached, and the next file is read', async () => {
    const { rows, summary } = await run('search * | stats count, count(after) as after, max(n) as last', [cut, after]);
    const { count, after: afterCount, last } = rows[0] as { count: number; after: number; last: number };
    expect(afterCount).toBe(1);
    expect(count).toBe(last + 2); // lines 0..last, and the next file's line
    expect(last).toBeGreaterThan(100);
    expect(summary.malformed.count).toBe(1);
    expect(summary.malformed.lines[0]).toMatch(new RegExp(`^${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${last + 2}: gzip data is truncated: reading stopped in this line, after \\d+ bytes of decompressed data; the rest of the input is lost$`));
  });

  it('fails the run under --strict', async () => {
    await expect(run('search *', [cut, after], true)).rejects.toMatchObject({ code: 'malformed-input', message: expect.stringContaining('gzip data is truncated') });
  });
});

describe('an oversized value in a JSON-stream layout', () => {
  const text = `[{"a":1},\n {"big":"${'x'.repeat(300)}", "nested":{"s":"]}"}},\n {"a":2}]\n{"a":3}{"big":[${'1,'.repeat(200)}1]}{"a":4}`;

  it('is one problem record at its line; the values after it are read, whatever the chunking', () => {
    for (const chunkSize of [1, 5, 16, 64, 4096]) {
      const scanner = new JsonRecordScanner('f', 100);
      const out: RawRecord[] = [];
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; at += chunkSize) out.push(...scanner.push(bytes.subarray(at, at + chunkSize)));
      out.push(...scanner.finish());
      expect(out.map((r) => [r.line, r.problem === undefined ? r.text : 'PROBLEM']), `chunk ${chunkSize}`).toEqual([
        [1, '{"a":1}'], [2, 'PROBLEM'], [3, '{"a":2}'], [4, '{"a":3}'], [4, 'PROBLEM'], [4, '{"a":4}'],
      ]);
      expect(out[1]!.problem).toBe('record is larger than 100 bytes: skipped (is the JSON well-formed?)');
    }
  });

  it('law: with a limit, each value over it becomes a problem at its line and every other value is as without one', () => {
    const value = fc.oneof(fc.object({ maxDepth: 2 }), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }).map((a) => ({ a })));
    const layout = fc.tuple(fc.array(value, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.constantFrom(',', ',\n', ' , '));
    fc.assert(fc.property(layout, fc.integer({ min: 8, max: 80 }), fc.integer({ min: 1, max: 40 }), ([values, inArray, sep], limit, chunkSize) => {
      const parts = values.map((v) => JSON.stringify(v, null, v && Object.keys(v).length % 2 ? 1 : 0));
      const text = inArray ? `[${parts.join(sep)}]` : parts.join(sep.replace(',', ''));
      const cut = (max: number) => {
        const scanner = new JsonRecordScanner('f', max);
        const bytes = Buffer.from(text);
        const out: RawRecord[] = [];
        for (let at = 0; at < bytes.length; at += chunkSize) out.push(...scanner.push(bytes.subarray(at, at + chunkSize)));
        return [...out, ...scanner.finish()];
      };
      const expected = cut(Infinity).map((r) => (Buffer.byteLength(r.text) > limit ? { ...r, text: '', problem: 'record is larger than ' + limit + ' bytes: skipped (is the JSON well-formed?)' } : r));
      expect(cut(limit)).toEqual(expected);
    }), { numRuns: 200 });
  });

  it('does not end the reading of a file (no input error)', async () => {
    const path = join(dir, 'array.json');
    writeFileSync(path, text);
    const records: RawRecord[] = [];
    for await (const batch of readRecords([path], { maxRecordBytes: 100, chunkSize: 32 })) records.push(...batch);
    expect(records.filter((r) => r.problem !== undefined).map((r) => r.line)).toEqual([2, 4]);
    expect(records.filter((r) => r.problem === undefined)).toHaveLength(4);
  });
});
