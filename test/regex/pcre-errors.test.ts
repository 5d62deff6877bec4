// Errors of the PCRE translation: unsupported constructs are named, invalid patterns give bad-regex with the span.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compilePcre } from '../../src/regex/pcre.js';

function errorOf(pattern: string): SplError {
  try {
    compilePcre(pattern, { span: { start: 10, end: 20 } });
  } catch (err) {
    if (err instanceof SplError) return err;
    throw err;
  }
  throw new Error(`expected ${pattern} to fail`);
}

describe('unsupported PCRE constructs', () => {
  const cases: Array<[string, string]> = [
    ['a(?R)?b', '(?R)'],
    ['(a)(?1)', '(?1)'],
    ['(a)(?-1)', '(?-1)'],
    ['(?<n>a)(?&n)', '(?&n)'],
    ['(?<n>a)(?P>n)', '(?P>name)'],
    ['(?<n>a)\\g<n>', '\\g<'],
    ['(a)?(?(1)b|c)', 'conditional group'],
    ['(*SKIP)a', '(*SKIP)'],
    ['(*UTF)a', '(*UTF)'],
    ['a(?C1)b', 'callout'],
    ['\\Ga', '\\G'],
    ['a\\Kb', '\\K'],
    ['(?|(a)|(b))', 'branch reset'],
    ['(?J)(?<n>a)|(?<n>b)', '(?J)'],
    ['\\X', '\\X'],
    ['\\p{Xan}', '\\p{Xan}'],
  ];
  it.each(cases)('%s names %s', (pattern, construct) => {
    const err = errorOf(pattern);
    expect(err.code).toBe('bad-regex');
    expect(err.message).toMatch(/^regex construct .* is not supported$/);
    expect(err.message).toContain(construct);
    expect(err.span).toEqual({ start: 10, end: 20 });
  });
});

describe('invalid patterns', () => {
  const cases: Array<[string, RegExp]> = [
    ['(a', /missing \)/],
    ['a)', /unmatched \)/],
    ['[a', /missing terminating \]/],
    ['*a', /quantifier does not follow/],
    ['a**', /quantifier does not follow/],
    ['a\\', /lone backslash/],
    ['\\y', /unrecognized escape \\y/],
    ['(?<a>x)(?<a>y)', /two groups are named "a"/],
    ['(?<1a>x)', /invalid group name "1a"/],
    ['(a)\\2', /group 2, which does not exist/],
    ['\\k<nope>', /group nope, which does not exist/],
    ['[z-a]', /out of order/],
    ['a{3,2}', /out of order/],
    ['[[:alfa:]]', /unknown POSIX class/],
    ['(?z)', /unrecognized character after \(\?/],
    ['(?=a)*', /invalid regex: /],
  ];
  it.each(cases)('%s is rejected', (pattern, message) => {
    const err = errorOf(pattern);
    expect(err.code).toBe('bad-regex');
    expect(err.message).toMatch(message);
  });
  it('reports where in the regex the problem is', () => {
    expect(errorOf('abc(?R)').hints).toEqual(['at character 4 of the regex']);
  });
  it('does not cache failures', () => {
    expect(() => compilePcre('(?R)')).toThrow(SplError);
    expect(() => compilePcre('(?R)')).toThrow(SplError);
  });
});
