// Law: `* | stats count by ...` with lines counted by the key locator's intern ids (span-counts.ts) gives what the event path gives, at 2 threads and against 1.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runOneThread, runThreads, type RunOutcome } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-span-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void delete process.env.SPLQ_SPAN_COUNTS);

/**
 * BY values as JSON text: numbers in several spellings of one text or not (1, 1.0, 1e0, "1", -0, "-0"), Booleans
 * beside their text, escapes (one spelling "A" as \u0041), non-ASCII, a value too long to intern, null, arrays
 * (`k{}`, not `k`), and bytes that are not UTF-8 (read as U+FFFD).
 */
const JSON_VALUES = [
  '1', '1.0', '1e0', '"1"', '-0', '0', '"-0"', 'true', '"true"', 'false', '"A"', '"\\u0041"', '"a\\"b"', '"é"', '"😀"',
  `"${'x'.repeat(120)}"`, 'null', '["a","b"]', '[1,"1"]', 'NOT_UTF8', '"{368458F2-937A-2CE9-0000-001000000367}"',
];
/** Stands for a string whose bytes are not UTF-8 (written as such by writeFiles). */
const NOT_UTF8 = Buffer.from([0x22, 0xff, 0xfe, 0x22]);
/** A member of a line: absent, or one of the values. */
const member = fc.option(fc.constantFrom(...JSON_VALUES), { nil: undefined, freq: 5 });
/** What else a line may hold: nothing, a nested object (the locator declines the line), a duplicate key, a malformed tail. */
const extra = fc.constantFrom('', '', '', '', ',"o":{"x":1}', ',"k":"dup"', '}garbage');
const line = fc.record({ k: member, j: member, source: fc.option(fc.constantFrom('"s1"', '"s2"'), { nil: undefined, freq: 2 }), extra });
/** Files of a few hundred lines with padding: pieces over the locator's 4 KiB, and several units per file at the split below. */
const files = fc.array(fc.array(line, { minLength: 150, maxLength: 400 }), { minLength: 1, maxLength: 2 });

let written = 0;
function writeFiles(contents: Array<Array<{ k?: string; j?: string; source?: string; extra: string }>>): string[] {
  return contents.map((lines) => {
    const file = join(dir, `part${written++}.json`);
    const text = lines.map(({ k, j, source, extra }) => {
      const members = [k === undefined ? null : `"k":${k}`, j === undefined ? null : `"j":${j}`, source === undefined ? null : `"source":${source}`, `"pad":"${'p'.repeat(60)}"`];
      return `{${members.filter((m) => m !== null).join(',')}${extra}}`;
    });
    const parts = `${text.join('\n')}\n`.split('NOT_UTF8').map((part) => Buffer.from(part, 'utf8'));
    writeFileSync(file, Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [NOT_UTF8, part]))));
    return file;
  });
}

/** Rows with -0 told apart from 0, and the counters (the outcome as text). */
const text = (outcome: RunOutcome | null) => JSON.stringify(outcome, (_key, v: unknown) => (Object.is(v, -0) ? '-0 (number)' : v));

async function countedAndNot(query: string, inputs: string[]): Promise<{ counted: RunOutcome | null; plain: RunOutcome | null; lines: number }> {
  let lines = 0;
  const counted = await runThreads(query, inputs, { threads: 2, splitBytes: 8192, inProcess: true, onStats: (stats) => void (lines = stats.eventsCounted) });
  process.env.SPLQ_SPAN_COUNTS = 'off';
  const plain = await runThreads(query, inputs, { threads: 2, splitBytes: 8192, inProcess: true });
  delete process.env.SPLQ_SPAN_COUNTS;
  return { counted, plain, lines };
}

describe('stats count by: lines counted by intern id', () => {
  it('law: rows, counters and malformed lines equal the event path (2 threads) and one thread', async () => {
    let countedLines = 0;
    await fc.assert(
      fc.asyncProperty(files, fc.constantFrom('k', 'k, j', 'j, k', 'source, k'), async (contents, by) => {
        const inputs = writeFiles(contents);
        const query = `* | stats count by ${by}`;
        const { counted, plain, lines } = await countedAndNot(query, inputs);
        countedLines += lines;
        expect(text(counted)).toBe(text(plain));
        // One thread orders its events the same way but reads them all as events.
        const one = await runOneThread(query, inputs);
        expect(text(counted)).toBe(text(one));
      }),
      { numRuns: 25 },
    );
    // The law held with lines taken by both paths.
    expect(countedLines).toBeGreaterThan(1000);
  });

  it('counts most lines without events on plain lines, and none with the switch off', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `{"k":"g${i % 37}","j":${i % 5},"pad":"${'p'.repeat(60)}"}`);
    const file = join(dir, 'plain.json');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { counted, plain, lines: countedLines } = await countedAndNot('* | stats count by k, j', [file]);
    expect(text(counted)).toBe(text(plain));
    expect(counted?.rows.length).toBe(185);
    expect(countedLines).toBeGreaterThan(1500);
    let offLines = -1;
    process.env.SPLQ_SPAN_COUNTS = 'off';
    await runThreads('* | stats count by k, j', [file], { threads: 2, splitBytes: 8192, inProcess: true, onStats: (stats) => void (offLines = stats.eventsCounted) });
    expect(offLines).toBe(0);
  });

  it('a search that drops events, a stats that does more than count, or eventstats are not counted by the reader', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `{"k":"g${i % 37}","j":${i % 5},"pad":"${'p'.repeat(60)}"}`);
    const file = join(dir, 'other.json');
    writeFileSync(file, `${lines.join('\n')}\n`);
    for (const query of ['j=1 | stats count by k', '* | stats count, max(j) as m by k', '* | eventstats count by k | stats count by k, count']) {
      let countedLines = -1;
      const many = await runThreads(query, [file], { threads: 2, splitBytes: 8192, inProcess: true, onStats: (stats) => void (countedLines = stats.eventsCounted) });
      expect(countedLines, query).toBe(0);
      expect(text(many), query).toBe(text(await runOneThread(query, [file])));
    }
  });
});
