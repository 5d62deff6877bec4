// HitCursor.firstIn: the bounded search gives the first hit inside the asked range, and never searches past it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HitCursor, stringSearch, type TextSearch } from '../../src/input/fastpath/hit-cursor.js';
import { fuzzRuns } from '../helpers/tier.js';

/** Lines as a block would hold them, newline separated. */
function linesOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push([start, end]);
    start = end + 1;
  }
  return out;
}

describe('HitCursor.firstIn', () => {
  it('law: over any subset of lines asked in order, gives the first hit of the needle inside each line (or none)', () => {
    const lineArb = fc.stringMatching(/^[ab"k]{0,12}$/);
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('a', 'ab', 'k"', 'bb'), fc.array(fc.boolean()), (lines, needle, asked) => {
        const text = lines.join('\n');
        const cursor = new HitCursor(text, stringSearch(needle));
        linesOf(text).forEach(([start, end], i) => {
          if (asked[i] === false) return;
          const window = text.slice(start, end);
          // Every hit in the line, walked as the key picker walks them.
          const got: number[] = [];
          for (let hit = cursor.firstIn(start, end, window, start); hit < end; hit = cursor.firstIn(hit + 1, end, window, start)) got.push(hit);
          const want: number[] = [];
          for (let at = window.indexOf(needle); at >= 0; at = window.indexOf(needle, at + 1)) want.push(start + at);
          expect(got).toEqual(want);
        });
      }),
      { numRuns: fuzzRuns(300, 2000) },
    );
  });

  it('searches only the lines asked: a needle absent from them costs their length, not the text up to its next hit', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i === 999 ? '{"rare":1}' : '{"common":1,"other":2}'));
    const text = lines.join('\n');
    let searched = 0;
    const counting: TextSearch = (window, from) => {
      const found = window.indexOf('rare"', from);
      searched += (found < 0 ? window.length : found + 5) - from;
      return found;
    };
    const cursor = new HitCursor(text, counting);
    const spans = linesOf(text);
    // Every 100th line is read, as a selective pre-filter would leave them.
    let asked = 0;
    for (let i = 0; i < spans.length; i += 100) {
      const [start, end] = spans[i]!;
      expect(cursor.firstIn(start, end, text.slice(start, end), start)).toBe(Infinity);
      expect(cursor.firstIn(start + 3, end, text.slice(start, end), start)).toBe(Infinity); // cached: no new search
      asked += end - start;
    }
    expect(searched).toBe(asked);
  });
});
