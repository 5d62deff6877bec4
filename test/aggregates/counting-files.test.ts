// Law: over NDJSON files (escapes, unicode, numbers and their texts, null, missing keys), counting mode gives the general table's rows at 1 and 2 threads.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOneThread, runThreads } from '../parallel/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-counting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Values as JSON writes them: numbers and numeric texts (1 and "1.0", 0 and -0), numbers and Booleans beside strings
 * of the same text (1 and "1", true and "true": the group shows the number, the string, whatever the order or the
 * threads), escapes, non-ASCII and astral text, null, Booleans, arrays (which make `k{}`, not `k`).
 */
const value = fc.constantFrom<unknown>(0, -0, 1, '1', 1.5, '1.0', '01', 'a', 'A', 'é', '😀', 'tab\there', 'quote"q', 'back\\slash', '\u00e9\u0301', null, true, 'true', ['a', 'b'], [1, '1']);
const record = fc.record({ k: value, j: value }, { requiredKeys: [] });
/** Padding puts a file over 4 KiB, so the key locator (WebAssembly) reads most of its lines. */
const files = fc.array(fc.array(record, { minLength: 1, maxLength: 60 }), { minLength: 2, maxLength: 3 });

let written = 0;
function writeFiles(contents: Array<Array<Record<string, unknown>>>): string[] {
  return contents.map((records) => {
    const file = join(dir, `part${written++}.json`);
    writeFileSync(file, records.map((r) => `${JSON.stringify({ ...r, pad: 'p'.repeat(60) })}\n`).join(''));
    return file;
  });
}

/** Rows with -0 told apart from 0 (the rows are compared as text). */
const text = (rows: unknown) => JSON.stringify(rows, (_key, v: unknown) => (Object.is(v, -0) ? '-0 (number)' : v));

describe('stats count by files: counting mode against the general table', () => {
  it('law: `count by k[, j]` rows equal those of `count, max(pad)` (no counting mode), at 1 and 2 threads', async () => {
    await fc.assert(fc.asyncProperty(files, fc.boolean(), async (contents, twoFields) => {
      const inputs = writeFiles(contents);
      const by = twoFields ? 'k, j' : 'k';
      const reference = await runOneThread(`search * | stats count, max(pad) as m by ${by} | fields - m`, inputs);
      const one = await runOneThread(`search * | stats count by ${by}`, inputs);
      const two = await runThreads(`search * | stats count by ${by}`, inputs, { threads: 2, splitBytes: 256, inProcess: true });
      expect(text(one.rows)).toBe(text(reference.rows));
      expect(text(two?.rows)).toBe(text(reference.rows));
    }), { numRuns: 40 });
  });
});
