// Byte-range reads (for parallel workers): ranges own the lines that start in them; their union is the file.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, collectRange, Fixtures, linesAndTexts } from './helpers.js';
import { fuzzRuns } from '../helpers/tier.js';

const fixtures = new Fixtures();
afterAll(() => fixtures.remove());

/** One NDJSON line: an object with awkward text, a blank line, or junk; with LF or CRLF. */
const lineArbitrary = fc.tuple(
  fc.oneof(
    fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.fullUnicodeString({ maxLength: 6 }), fc.integer())).map((o) =>
      JSON.stringify(o),
    ),
    fc.constantFrom('', ' ', '\t'),
    fc.fullUnicodeString({ maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, '')),
  ),
  fc.constantFrom('\n', '\r\n'),
);

const fileArbitrary = fc.record({
  lines: fc.array(lineArbitrary, { maxLength: 25 }),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
});

function render(file: { lines: Array<[string, string]>; finalNewline: boolean; bom: boolean }): Buffer {
  let text = file.lines.map(([line, end]) => line + end).join('');
  if (!file.finalNewline) text = text.replace(/\r?\n$/, '');
  return Buffer.from((file.bom ? '\uFEFF' : '') + text, 'utf8');
}

/** Ranges [0,c1), [c1,c2), ..., [ck, size + slack) from sorted cut points. */
function rangesFrom(cuts: number[], size: number): Array<{ start: number; end: number }> {
  const points = [0, ...cuts.map((c) => c % (size + 1)).sort((a, b) => a - b), size + 3];
  return points.slice(1).map((end, i) => ({ start: points[i]!, end }));
}

let runs = 0;

describe('byte ranges', () => {
  it('law: for any NDJSON content and cut points, the ranges together give the whole file, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fileArbitrary, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), async (file, cuts, chunkSize) => {
        const bytes = render(file);
        const path = fixtures.write(`law-${runs++}.ndjson`, bytes);
        const whole = await collect([path]);
        const pieces: typeof whole = [];
        for (const range of rangesFrom(cuts, bytes.length)) pieces.push(...(await collectRange(path, range, { chunkSize })));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: fuzzRuns(30, 150) },
    );
  });

  it('law: chunk size does not change the records', async () => {
    await fc.assert(
      fc.asyncProperty(fileArbitrary, fc.integer({ min: 1, max: 50 }), async (file, chunkSize) => {
        const path = fixtures.write(`chunks-${runs++}.ndjson`, render(file));
        expect(await collect([path], { chunkSize })).toEqual(await collect([path]));
      }),
      { numRuns: fuzzRuns(20, 100) },
    );
  });

  it('a range starting mid-line skips to the next line; a line belongs to the range it starts in', async () => {
    const path = fixtures.write('mid.ndjson', '{"a":1}\n{"a":2}\n{"a":3}\n');
    // Bytes: line 1 = [0,8), line 2 = [8,16), line 3 = [16,24).
    expect(linesAndTexts(await collectRange(path, { start: 0, end: 9 }))).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":2}'],
    ]);
    expect(linesAndTexts(await collectRange(path, { start: 9, end: 16 }))).toEqual([]);
    expect(linesAndTexts(await collectRange(path, { start: 9, end: 17 }))).toEqual([[3, '{"a":3}']]);
    expect(linesAndTexts(await collectRange(path, { start: 8, end: 8 }))).toEqual([]);
    expect(linesAndTexts(await collectRange(path, { start: 8, end: 9 }))).toEqual([[2, '{"a":2}']]);
  });

  it('a non-NDJSON or gzipped file is read whole by the range holding byte 0 and by no other', async () => {
    const array = fixtures.write('arr.json', '[\n{"a":1},\n{"a":2}\n]\n');
    const gz = fixtures.write('lines.ndjson.gz', '{"a":1}\n{"a":2}\n');
    for (const path of [array, gz]) {
      const whole = await collect([path]);
      expect(whole).toHaveLength(2);
      expect(await collectRange(path, { start: 0, end: 5 })).toEqual(whole);
      expect(await collectRange(path, { start: 5, end: 1000 })).toEqual([]);
    }
  });
});
