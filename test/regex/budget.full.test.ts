// The slow part of budget.test.ts: the watchdog's 2 s limit, and RE2 against V8 (Perl as referee) over many patterns.
import { describe, expect, it } from 'vitest';
import { BudgetedRegExp } from '../../src/regex/budget.js';
import { compilePcre } from '../../src/regex/pcre.js';
import { checkRe2AgainstV8 } from './re2-oracle.js';

describe('RE2 agrees with V8 on the translated patterns (long run)', () => {
  it('finds the same matches, groups and offsets over 2,000 generated cases', () => {
    checkRe2AgainstV8(2000);
  }, 300_000);
});

describe('the watchdog', () => {
  it('ends a pattern RE2 cannot run with regex-limit when V8 passes the time budget', () => {
    const regex = compilePcre(String.raw`(?<x>a+)+\1$`).regex as BudgetedRegExp;
    expect(regex.exec('aaaa')?.[0]).toBe('aaaa');
    expect(regex.lastEngine).toBe('v8'); // up to 16 characters
    expect(regex.exec('a'.repeat(20))?.[0]).toBe('a'.repeat(20));
    expect(regex.lastEngine).toBe('watchdog'); // nested repetition: longer values are watched
    const started = Date.now();
    expect(() => regex.exec(`${'a'.repeat(40)}!`)).toThrow(/regex ran past its 2 s budget on a value of 41 characters: \(\?<x>a\+\)\+\\1\$/);
    expect(Date.now() - started).toBeLessThan(4000);
  }, 10_000);
});
