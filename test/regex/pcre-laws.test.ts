// Property tests of the PCRE translation against JavaScript's own engine and simple reference rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePcre } from '../../src/regex/pcre.js';

/** Patterns in the subset where PCRE and JS (u flag) agree: literals, classes, \d \w, groups, alternation, quantifiers. */
const commonPattern = (letters: string[]): fc.Arbitrary<string> => {
  const quantifier = fc.constantFrom('', '', '*', '+', '?', '{1,2}', '{2}', '*?', '+?', '??');
  const atom = fc.constantFrom(...letters, '1', '_', ' ', '[a-c]', '[^b]', '[Ab1]', '\\d', '\\w', '\\.');
  const tree = fc.letrec<{ seq: string; item: string; group: string; alt: string }>((tie) => ({
    seq: fc.array(tie('item'), { minLength: 1, maxLength: 3 }).map((items) => items.join('')),
    item: fc.oneof({ maxDepth: 2, withCrossShrink: true }, fc.tuple(atom, quantifier).map(([a, q]) => a + q), tie('group')),
    group: fc.tuple(fc.constantFrom('(', '(?:'), tie('alt'), quantifier).map(([open, body, q]) => `${open}${body})${q}`),
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 2 }).map((branches) => branches.join('|')),
  }));
  return tree.alt;
};
const subject = fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', '1', '_', ' ', '.', '\n'), { maxLength: 12 }).map((cs) => cs.join(''));
const matchShape = (m: RegExpExecArray | null) => (m ? [m.index, ...m] : null);

describe('translation laws', () => {
  it('patterns of the common subset match exactly like JS', () => {
    fc.assert(
      fc.property(commonPattern(['a', 'b', 'c']), subject, (pattern, s) => {
        expect(matchShape(compilePcre(pattern).regex.exec(s))).toEqual(matchShape(new RegExp(pattern, 'u').exec(s)));
      }),
      { numRuns: 500 },
    );
  });

  it('scoped (?i:...) expansion matches like the JS i flag', () => {
    fc.assert(
      fc.property(commonPattern(['a', 'b', 'C']), subject, (pattern, s) => {
        const scoped = compilePcre(`(?i:${pattern})`).regex;
        expect(scoped.flags).not.toContain('i');
        expect(matchShape(scoped.exec(s))).toEqual(matchShape(new RegExp(`(?:${pattern})`, 'iu').exec(s)));
      }),
      { numRuns: 500 },
    );
  });

  it('$ matches at the end or before one final newline', () => {
    const word = fc.stringMatching(/^[a-c]{1,3}$/);
    fc.assert(
      fc.property(word, subject, (w, s) => {
        expect(compilePcre(`${w}$`).regex.test(s)).toBe(s.endsWith(w) || s.endsWith(`${w}\n`));
      }),
    );
  });

  it('\\Q...\\E matches any text literally, outside and inside classes', () => {
    const text = fc.fullUnicodeString({ minLength: 1, maxLength: 8 }).filter((t) => !t.includes('\\E'));
    fc.assert(
      fc.property(text, (t) => {
        expect(compilePcre(`^\\Q${t}\\E$`).regex.test(t)).toBe(true);
        expect(compilePcre(`^[\\Q${t}\\E]+$`).regex.test(t)).toBe(true);
      }),
    );
  });
});
