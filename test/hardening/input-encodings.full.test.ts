// Fuzz (issue 16 points 5 and 28): random bytes, gzip cut anywhere, UTF-16 of random lines end in results plus a
// malformed-record report, never an exception, and the next file given is always read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-encodings-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NEXT = join(dir, 'next.ndjson');
writeFileSync(NEXT, '{"next":1}\n');

let fileNo = 0;
function write(bytes: Uint8Array): string {
  const path = join(dir, `f${fileNo++}.data`);
  writeFileSync(path, bytes);
  return path;
}

const line = fc.oneof(fc.dictionary(fc.constantFrom('a', 'b', 'host'), fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.stringify(o)), fc.string({ maxLength: 40 }));
const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.map((l) => `${l}\n`).join(''));
const input = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(text, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, at]) => {
    const packed = gzipSync(t);
    return packed.subarray(0, Math.floor(packed.length * at));
  }),
  fc.tuple(text, fc.boolean()).map(([t, be]) => {
    const bytes = Buffer.from(`\uFEFF${t}`, 'utf16le');
    return be ? bytes.swap16() : bytes;
  }),
);

describe('input encoding fuzz', () => {
  it('random bytes, truncated gzip and UTF-16 never end a run: the next file is always read', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const execution = compile('search * | stats count(next) as next').runFiles([write(bytes), NEXT], { threads: 1 });
        const rows: Array<Record<string, unknown>> = [];
        for await (const row of execution) rows.push(row.toObject());
        const summary = await execution.summary;
        expect(rows).toEqual([{ next: 1 }]);
        for (const reported of summary.malformed.lines) expect(reported).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});
