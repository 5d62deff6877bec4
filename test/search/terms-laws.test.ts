// Property tests of term matching: case laws, breaker framing, requiredLiterals soundness, a regex oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTermMatcher, requiredLiterals } from '../../src/search/terms.js';

const MAJOR = ' "[]();,|';
const MINOR = '._=:/@\\';
const chars = (alphabet: string, maxLength: number, minLength = 0) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((cs) => cs.join(''));

/** Letters whose upper/lower case map one-to-one, digits and both kinds of breakers. */
const rawText = chars('abcABCéÉ1 ._"=:;', 16);
const word = chars('abcABCéÉ1', 4, 1);
const plainTerm = fc.tuple(word, fc.array(fc.tuple(fc.constantFrom(...MINOR), word), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([b, w]) => b + w).join(''));

describe('term laws', () => {
  it('case does not matter: matches(t, s) === matches(upper(t), s)', () => {
    fc.assert(
      fc.property(plainTerm, rawText, (t, s) => {
        expect(compileTermMatcher(t, {})(s)).toBe(compileTermMatcher(t.toUpperCase(), {})(s));
      }),
    );
  });

  it('a term always matches breaker + term + breaker inside any text', () => {
    const breaker = fc.constantFrom(...MAJOR + MINOR);
    fc.assert(
      fc.property(plainTerm, breaker, breaker, rawText, rawText, (t, b1, b2, before, after) => {
        expect(compileTermMatcher(t, {})(before + b1 + t + b2 + after)).toBe(true);
        expect(compileTermMatcher(t, {})(b1 + t.toLowerCase() + b2)).toBe(true);
      }),
    );
  });

  it('TERM(t) always matches major + term + major', () => {
    const major = fc.constantFrom(...MAJOR);
    fc.assert(
      fc.property(plainTerm, major, major, rawText, rawText, (t, b1, b2, before, after) => {
        expect(compileTermMatcher(t, { termMode: true })(before + b1 + t + b2 + after)).toBe(true);
      }),
    );
  });

  it('requiredLiterals is sound: a match implies every literal is in the lower-cased text', () => {
    const wildTerm = chars('abAB.*', 6, 1);
    const text = chars('abAB. x', 14);
    fc.assert(
      fc.property(wildTerm, text, (t, s) => {
        fc.pre(compileTermMatcher(t, {})(s));
        for (const literal of requiredLiterals(t)) expect(s.toLowerCase()).toContain(literal);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a backtracking regex of the documented rule', () => {
    const wildcardTerm = fc.oneof(
      chars('abA._*', 6, 1),
      fc
        .tuple(fc.boolean(), fc.array(chars('abA._', 2, 1), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([lead, literals, trail]) => `${lead ? '*' : ''}${literals.join('*')}${trail ? '*' : ''}`),
    );
    const breakers = '[ "._]';
    const oracle = (t: string): RegExp => {
      const parts = t.toLowerCase().split('*');
      const literals = parts.filter((p) => p !== '');
      if (literals.length === 0) return /(?:)/;
      const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const breaks = (ch: string) => ' "._'.includes(ch);
      const left = parts[0] !== '' && !breaks(literals[0]![0]!) ? `(?<=^|${breakers})` : '';
      const lastLiteral = literals[literals.length - 1]!;
      const right = parts[parts.length - 1] !== '' && !breaks(lastLiteral.at(-1)!) ? `(?=$|${breakers})` : '';
      return new RegExp(left + literals.map(escape).join('[^ "]*') + right);
    };
    fc.assert(
      fc.property(wildcardTerm, chars('abAB ._"', 16), (t, s) => {
        expect(compileTermMatcher(t, {})(s)).toBe(oracle(t).test(s.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });
});
