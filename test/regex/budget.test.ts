// The matching budget: cost shapes of patterns, the V8/RE2 choice by value length, RE2 agreeing with V8, the watchdog.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetedRegExp, directLengthLimit } from '../../src/regex/budget.js';
import { analyseSource } from '../../src/regex/linear-source.js';
import { compilePcre } from '../../src/regex/pcre.js';
import { translatePcre } from '../../src/regex/translate.js';
import { both, checkRe2AgainstV8, pattern } from './re2-oracle.js';

function shapeOf(pattern: string) {
  return analyseSource(translatePcre({ pattern }).source);
}

describe('cost shape of a pattern', () => {
  it('counts unbounded quantifiers of a flat pattern', () => {
    expect(shapeOf('abc').degree).toBe(0);
    expect(shapeOf(String.raw`\d{1,3}\.\d{1,3}`).degree).toBe(0);
    expect(shapeOf(String.raw`Image: ([^\r\n]+)`).degree).toBe(1);
    expect(shapeOf(String.raw`(?<a>\S+)\s+(?<b>.*)`).degree).toBe(3);
  });

  it('calls nested repetition and repeated alternation unbounded (exponential worst case)', () => {
    for (const p of ['(a+)+$', '(a|aa)*b', '(.*a){20}$', String.raw`(?:\w+\s?)+x`]) expect(shapeOf(p).degree, p).toBe(Infinity);
    expect(shapeOf('(?:ab|cd){3}').degree).toBe(0);
    expect(shapeOf(String.raw`(?:\d{1,3}\.){3}`).degree).toBe(0);
  });

  it('has an RE2 form unless the pattern needs back references or lookarounds', () => {
    expect(shapeOf('(?<x>a+)b$')).toEqual({ degree: 1, re2: String.raw`(?P<x>a+)b(\n?)\z`, endGroup: true });
    expect(shapeOf('(?m)a$').re2).toBe('a(?m:$)');
    expect(shapeOf(String.raw`(a)\1`).re2).toBeNull();
    expect(shapeOf('a(?=b)').re2).toBeNull();
    expect(shapeOf('(?>a+)b').re2).toBeNull(); // atomic groups are emulated with a lookahead
    expect(shapeOf('a$|b').re2).toBeNull(); // PCRE's $ is kept only as the last item
    expect(shapeOf('a|b$').re2).toBeNull(); // ... of a pattern without top-level alternation
    // An alternation inside a group does not stop a final `$` (the data models' CommandLine and Details patterns).
    expect(shapeOf('^(DWORD|QWORD) .*$').re2).toBe(String.raw`^(DWORD|QWORD) [^\n]*(\n?)\z`);
    expect(shapeOf(String.raw`^\s*("[^"]+"|[^\s]+)[\s\S]*$`).re2).not.toBeNull();
    expect(shapeOf('(a?)+b').re2).toBeNull(); // a repeated group that can match empty (RE2's captures differ there)
    expect(shapeOf('(?:a|b?)*c').re2).toBeNull();
    expect(shapeOf('(?:a|b)*c').re2).toBe('(?:a|b)*c');
  });

  it('lets V8 run values up to n^(k+1)/(k+1)! <= 1e8', () => {
    expect(directLengthLimit(0)).toBe(Infinity);
    expect(directLengthLimit(1)).toBe(14142);
    expect(directLengthLimit(2)).toBe(843);
    expect(directLengthLimit(Infinity)).toBe(16);
  });
});

describe('engine choice', () => {
  it('keeps plain RegExps for patterns without unbounded quantifiers', () => {
    expect(compilePcre(String.raw`\d{4}-\d{2}`).regex).not.toBeInstanceOf(BudgetedRegExp);
  });

  it('runs short values on V8 and long ones on RE2, with the same result', () => {
    const regex = compilePcre(String.raw`Image: (?<image>[^\r\n]+)`).regex as BudgetedRegExp;
    const short = 'x\r\nImage: C:\\cmd.exe\r\nUser: bob';
    expect(regex.exec(short)?.groups?.image).toBe('C:\\cmd.exe');
    expect(regex.lastEngine).toBe('v8');
    const long = `${'y'.repeat(20000)}${short}`;
    expect(regex.exec(long)?.groups?.image).toBe('C:\\cmd.exe');
    expect(regex.lastEngine).toBe('re2');
  });

  it('runs a pattern with an alternation in a group and a final $ on RE2 past its direct length, not the watchdog', () => {
    const regex = compilePcre(String.raw`^\s*("[^"]+"|[^\s]+)[\s\S]*$`).regex as BudgetedRegExp;
    const value = `"C:\\Program Files\\x.exe" ${'-arg '.repeat(100)}`;
    expect(value.replace(regex, '$1')).toBe('"C:\\Program Files\\x.exe"');
    expect(regex.lastEngine).toBe('re2');
  });

  it('keeps JS semantics through matchAll and split on the RE2 path (Symbol.species makes BudgetedRegExps)', () => {
    const regex = compilePcre('(?<n>[0-9]+),?', { global: true }).regex;
    const long = Array.from({ length: 20000 }, (_, i) => i % 10).join(',');
    expect(Array.from(long.matchAll(regex), (m) => m.groups!.n)).toEqual(long.split(','));
    expect(long.split(compilePcre(',[0-9]+').regex)).toEqual(long.split(/,[0-9]+/u));
  });
});

describe('RE2 agrees with V8 on the translated patterns', () => {
  it('finds the same matches, groups and offsets (or, where JS differs from Perl, the same first match as Perl)', () => {
    checkRe2AgainstV8(25); // 2,000 runs in budget.full.test.ts
  });

  it('runs most generated patterns (the property above is not vacuous)', () => {
    const samples = fc.sample(pattern, { numRuns: 100, seed: 7 });
    expect(samples.filter((p) => both(p) !== null).length).toBeGreaterThan(33);
  });
});
