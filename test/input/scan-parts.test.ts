// Scanner building blocks: number parsing, structural skipping, needed keys, broken lines, validate mode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder, isDecodeError } from '../../src/input/json/decode.js';
import { NeededKeys } from '../../src/input/json/scan-keys.js';
import { parseJsonNumber } from '../../src/input/json/scan-number.js';
import { BROKEN, skipValue } from '../../src/input/json/scan-skip.js';
import { getZone } from '../../src/time/zone.js';
import { jsonDoc, writeJson } from './scan-arbitraries.js';
import { parseJsonExact } from '../../src/util/exact-json.js';

/** JSON.parse of a number text, undefined for anything that is not exactly a JSON number. */
function parseNumberReference(text: string): number | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'number' && /^[-0-9]/.test(text) && !/\s$/.test(text) ? value : undefined;
  } catch {
    return undefined;
  }
}

describe('parseJsonNumber', () => {
  const validNumber = fc.stringMatching(/^-?(0|[1-9][0-9]{0,18})(\.[0-9]{1,18})?([eE][+-]?[0-9]{1,3})?$/);
  const numberLike = fc.string({ unit: fc.constantFrom(...'0123456789.-+eE'), maxLength: 8 });
  const doubleText = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n));

  it('law: equals JSON.parse (with -0) on valid numbers, of any digit count; integers beyond 2^53 are their text', () => {
    fc.assert(
      fc.property(fc.oneof(validNumber, doubleText), (text) => {
        expect(Object.is(parseJsonNumber(`x${text}y`, 1, text.length + 1), parseJsonExact(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('law: rejects exactly what JSON.parse rejects', () => {
    fc.assert(
      fc.property(numberLike, (text) => {
        const got = parseJsonNumber(text, 0, text.length);
        const expected = parseNumberReference(text);
        expect(got === undefined ? 'invalid' : got).toEqual(expected === undefined ? 'invalid' : expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads short decimals exactly', () => {
    expect(parseJsonNumber('1700000000.066', 0, 14)).toBe(1700000000.066);
    expect(Object.is(parseJsonNumber('-0', 0, 2), -0)).toBe(true);
    expect(parseJsonNumber('0.1', 0, 3)).toBe(0.1);
    for (const bad of ['01', '1.', '.5', '-', '1.2.3', '--1', '1e', '+1']) {
      expect(parseJsonNumber(bad, 0, bad.length), bad).toBeUndefined();
    }
  });
});

describe('skipValue', () => {
  it('law: a valid value ends where its text ends, whatever follows it', () => {
    fc.assert(
      fc.property(jsonDoc, fc.constantFrom('', ',"k":1}', ']', ' '), (doc, after) => {
        const text = writeJson(doc);
        expect(skipValue(text + after, 0)).toBe(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('law: a truncated string, object or array is BROKEN', () => {
    fc.assert(
      fc.property(jsonDoc, fc.nat(), (doc, cutSeed) => {
        const text = writeJson(doc);
        fc.pre(/^["[{]/.test(text) && text.length > 1);
        expect(skipValue(text.slice(0, 1 + (cutSeed % (text.length - 1))), 0)).toBe(BROKEN);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds string ends after escaped quotes and backslashes', () => {
    expect(skipValue('"a\\"b" x', 0)).toBe(6);
    expect(skipValue('"a\\\\" x', 0)).toBe(5);
    expect(skipValue('"a\\\\\\"" x', 0)).toBe(7);
    expect(skipValue('"\\\\\\\\', 0)).toBe(BROKEN);
  });

  it('checks bracket matching and literal spelling, not content', () => {
    expect(skipValue('{"a":[1,{"b":"]"}]}', 0)).toBe(19);
    expect(skipValue('{"a":]', 0)).toBe(BROKEN);
    expect(skipValue('[}', 0)).toBe(BROKEN);
    expect(skipValue('[1 2 x]', 0)).toBe(7);
    expect(skipValue('tru', 0)).toBe(BROKEN);
    expect(skipValue('nul', 0)).toBe(BROKEN);
    expect(skipValue('x', 0)).toBe(BROKEN);
    expect(skipValue('-1.5e3,', 0)).toBe(6);
  });

  it('handles nesting deeper than its initial bracket stack', () => {
    const deep = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    expect(skipValue(deep, 0)).toBe(2000);
    expect(skipValue(`${'['.repeat(1000)}${']'.repeat(999)}}`, 0)).toBe(BROKEN);
  });
});

describe('NeededKeys', () => {
  const keys = new NeededKeys(['a.b{}.c', 'host', ''], ['ev.at']);
  const needed = (key: string) => keys.neededRaw(`{"${key}"`, 2, 2 + key.length);

  it('needs wanted names, their prefixes, their descendants and looked-up names with prefixes', () => {
    const neededKeys = ['a', 'a.b', 'a.b{}', 'a.b{}.c', 'a.b{}.c.d', 'a.b{}.c{}', 'host', 'host.x', '', 'ev', 'ev.at'];
    for (const key of neededKeys) {
      expect(needed(key), key).toBe(key);
      expect(keys.has(key), key).toBe(true);
    }
    for (const key of ['b', 'a.bc', 'a.b{', 'hos', 'hostx', 'ev.at.x', 'ev.a', 'A', 'c']) {
      expect(needed(key), key).toBeNull();
      expect(keys.has(key), key).toBe(false);
    }
  });

  it('returns the stored name for exact matches (no copy of the text)', () => {
    expect(needed('host')).toBe('host');
  });
});

describe('broken lines and validate', () => {
  const zone = getZone('UTC');
  const fast = createDecoder({ zone, fields: new Set(['a']) });
  const full = createDecoder({ zone, fields: new Set(['a']), validate: true });
  const rec = (text: string) => ({ text, file: 'f.json', line: 12 });

  it('reports structural breakage as the JSON.parse path does (same file, line and message)', () => {
    const broken = [
      '{"a":"unterminated}', '{"a":[1,2}', '{"a":{]}', '{"b":{"x":1}}}', '{"a":1 "b":2}', '{"a" 1}', '{"a":1,}',
      '{"a":1} trailing', '{a:1}', '[{"a":1}]', '"a"', '', '   ', '{"b":tru}', '{"b":1,,"a":2}', '{"b":"x"x,"a":1}',
      '{"a":01}', '{"a":"\\x"}', '{"a":1.}', '{"a":-}', '{"b":{"x":[1}],"a":1}', '{"b":[{"x":1]},"a":1}',
    ];
    for (const text of broken) {
      const expected = full(rec(text));
      expect(isDecodeError(expected), text).toBe(true);
      expect(fast(rec(text)), text).toEqual(expected);
    }
  });

  it('does not detect invalid content inside skipped values, unless validate is set', () => {
    const skippedBad = ['{"a":1,"b":[1 2]}', '{"a":1,"b":"bad \\q"}', '{"a":1,"b":1.2.3}', '{"a":1,"b":{"x" 1}}'];
    for (const text of skippedBad) {
      const result = fast(rec(text));
      expect(isDecodeError(result) ? result.message : result.get('a'), text).toBe(1);
      expect(isDecodeError(full(rec(text))), text).toBe(true);
    }
  });

  it('takes a needed string without escapes as its text, raw control characters included (documented)', () => {
    const text = '{"a":"tab\tinside"}';
    const result = fast(rec(text));
    expect(isDecodeError(result) ? result.message : result.get('a')).toBe('tab\tinside');
    const strict = full(rec(text));
    expect(strict).toMatchObject({ file: 'f.json', line: 12, message: expect.stringContaining('invalid JSON') });
  });
});
