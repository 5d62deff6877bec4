// Statistical eval functions (max min avg random) and text functions (len lower upper trim replace substr urldecode).
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import { expr } from './expr.js';
import { evaluate, eventOf, testContext } from './run.js';

describe('max, min, avg, random', () => {
  it('strings are greater than numbers', () => {
    expect(evaluate('max(1, 3, 6, 7, "foo", field)', { field: '2' })).toBe('foo');
    expect(evaluate('min(3, 6, 7, "bar", field)', { field: '2' })).toBe('2');
    expect(evaluate('min(3, 6, 7, "bar", field)', { field: 'zzz' })).toBe(3);
    expect(evaluate('max("abc", "abd")')).toBe('abd');
  });

  it('compares numbers numerically, across multivalues, ignoring nulls', () => {
    expect(evaluate('max(x)', { x: ['5', '40', '3'] })).toBe('40');
    expect(evaluate('min(x, 4)', { x: ['5', '40', '3'] })).toBe('3');
    expect(evaluate('max(missing, 2)')).toBe(2);
    expect(evaluate('max(missing)')).toBeNull();
  });

  it('avg is the mean of the numeric values', () => {
    expect(evaluate('avg(1, 2, 3, 4)')).toBe(2.5);
    expect(evaluate('avg(x, "a")', { x: ['1', '2'] })).toBe(1.5);
    expect(evaluate('avg("a")')).toBeNull();
  });

  it('random is an integer in [0, 2^31)', () => {
    const random = compileEval(expr('random()'), testContext);
    for (let i = 0; i < 50; i++) {
      const r = random(eventOf()) as number;
      expect(Number.isInteger(r)).toBe(true);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(2 ** 31);
    }
  });
});

describe('text', () => {
  it('len counts characters', () => {
    expect(evaluate('len("hello")')).toBe(5);
    expect(evaluate('len(x)', { x: 'héllo😀' })).toBe(6);
    expect(evaluate('len(x)', { x: 12345 })).toBe(5);
  });

  it('lower and upper, value by value', () => {
    expect(evaluate('lower("Hello World")')).toBe('hello world');
    expect(evaluate('upper(x)', { x: ['a', 'b'] })).toEqual(['A', 'B']);
    expect(evaluate('lower(missing)')).toBeNull();
  });

  it('trim family removes the given characters (default space and tab)', () => {
    expect(evaluate('ltrim("  ZZZZabcZZ ", " Z")')).toBe('abcZZ ');
    expect(evaluate('rtrim("  ZZZZabcZZ ", " Z")')).toBe('  ZZZZabc');
    expect(evaluate('trim("  ZZZZabcZZ ", " Z")')).toBe('abc');
    expect(evaluate('trim(x)', { x: '\t abc  ' })).toBe('abc');
    expect(evaluate('trim(x, "]-")', { x: '-]a]-' })).toBe('a');
  });

  it('replace substitutes every match, with \\N backreferences', () => {
    expect(evaluate('replace(date, "^(\\d{1,2})/(\\d{1,2})/", "\\2/\\1/")', { date: '1/14/2017' })).toBe('14/1/2017');
    expect(evaluate('replace("aaa", "a", "b")')).toBe('bbb');
    expect(evaluate('replace(x, "\\\\\\\\", "")', { x: '\\\\host' })).toBe('host');
    expect(evaluate('replace("a$b", "\\$", "$$")')).toBe('a$$b');
    expect(evaluate('replace(x, "o", "0")', { x: ['foo', 'bar'] })).toEqual(['f00', 'bar']);
  });

  it('replace writes a template without groups as it is ($& and $1 are text), on short values and past the direct limit', () => {
    // "^.*\\\\" (the CIM's basename) runs on V8 directly for short values and on RE2 for very long ones.
    const long = `${'d'.repeat(30000)}\\cmd.exe`;
    for (const x of ['C:\\Windows\\cmd.exe', long]) {
      expect(evaluate('replace(x, "^.*\\\\\\\\", "")', { x })).toBe('cmd.exe');
      expect(evaluate('replace(x, "^.*\\\\\\\\", "$&-$1-$$")', { x })).toBe('$&-$1-$$cmd.exe');
    }
  });

  it('substr counts from 1; a negative start counts from the end', () => {
    expect(evaluate('substr("splunk", 1, 3)')).toBe('spl');
    expect(evaluate('substr("splunk", -3)')).toBe('unk');
    expect(evaluate('substr("splunk", 3)')).toBe('lunk');
    expect(evaluate('substr("splunk", 5, 10)')).toBe('nk');
    expect(evaluate('substr("splunk", 10)')).toBe('');
    expect(evaluate('substr(x, 2, 2)', { x: 'a😀b' })).toBe('😀b');
    expect(evaluate('substr(missing, 1)')).toBeNull();
  });

  it('urldecode decodes percent-escapes as UTF-8', () => {
    expect(evaluate('urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")')).toBe('http://www.splunk.com/download?r=header');
    expect(evaluate('urldecode("caf%C3%A9+au+lait%zz")')).toBe('café au lait%zz');
  });
});
