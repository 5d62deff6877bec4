// The key picker reads exactly what JSON.parse gives for the needed top-level keys, or declines the line.
import { parseJsonExact } from '../../src/util/exact-json.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPELLING_ESCAPES } from '../../src/input/fastpath/escape-search.js';
import { HitCursor } from '../../src/input/fastpath/hit-cursor.js';
import { canPickKeys, KeyPicker } from '../../src/input/json/key-picker.js';
import { jsonObjectText, KEY_POOL } from './scan-arbitraries.js';
import { fuzzRuns } from '../helpers/tier.js';

const SIMPLE_NAMES = KEY_POOL.filter((name) => canPickKeys([name]));
const TIME_NAMES = ['_time', 'time', 'date'];

/** Lines whose raw text tempts a text search: needed keys in strings, nested, escaped, spaced, near-miss names. */
const TRAPS = [
  '{"msg":"a: {\\"b\\":1}","a":1}',
  '{"msg":"x \\"a\\": 2","a":1}',
  '{"n":{"a":5},"a":1}',
  '{"n":[{"a":5}],"b":2}',
  '{"n":{"a":5},"b":2}',
  '{"\\u0061":7,"b":1}',
  '{"a" : 1 , "b" :"x"}',
  '{"a":1,"a":2}',
  '{"ab":1,"xa":2,"b":[1,{"a":3}]}',
  '{"s":"\\\\","a":"q"}',
  '{"s":"\\\\\\"a\\":","a":"q"}',
  '{"a":"é\\n","b":"ключ"}',
  '{"a":"{","b":"["}',
  '{"a":["x","y"],"b":{"c":1}}',
  '{"b":{"c":1},"a":2}',
  '{"a":"","_time":"","time":null,"date":"2022-08-14"}',
  '{"a":1}{"a":2}',
  '{"a":1,"b":tru}',
  '{"a":1,"b":"x',
  ' {"a":1}',
  '{"a":1,"b":2,}',
];

const lineArb = fc.oneof(jsonObjectText, fc.constantFrom(...TRAPS));
const projectionArb = fc.uniqueArray(fc.constantFrom(...SIMPLE_NAMES, 'zz'), { minLength: 1, maxLength: 4 });

/** What the picker must give for a valid line: the needed keys of JSON.parse's object (integers beyond 2^53 as their text), in its key order. */
function expected(line: string, fields: readonly string[]): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = parseJsonExact(line);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const obj = parsed as Record<string, unknown>;
  const needed = new Set(fields);
  for (const name of TIME_NAMES) {
    if (!Object.hasOwn(obj, name)) continue;
    needed.add(name);
    if (obj[name] !== null && obj[name] !== '') break;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) if (needed.has(key)) out[key] = obj[key];
  return out;
}

/** Pick from one line placed in a block between other lines (the picker reads blocks). */
function pickLine(fields: readonly string[], line: string, before: string, after: string): Record<string, unknown> | null {
  const text = `${before}\n${line}\n${after}`;
  const bytes = Buffer.from(text, 'utf8');
  const latin1 = bytes.toString('latin1');
  const picker = new KeyPicker(fields, TIME_NAMES);
  picker.reset({ text: latin1, bytes, base: 0 }, new HitCursor(latin1, SPELLING_ESCAPES));
  const start = Buffer.byteLength(`${before}\n`);
  const ownStart = latin1.indexOf('\n') + 1;
  picker.pick(0, ownStart - 1);
  return picker.pick(start, start + Buffer.byteLength(line));
}

describe('KeyPicker', () => {
  it('gives what JSON.parse gives for the needed keys, or declines', () => {
    fc.assert(
      fc.property(projectionArb, lineArb, lineArb, lineArb, (fields, line, before, after) => {
        const picked = pickLine(fields, line, before.replace(/\n/g, ' '), after.replace(/\n/g, ' '));
        const want = expected(line, fields);
        // Invalid JSON: without --strict a line is read only as far as the query needs (documented).
        if (picked === null || line.includes('\n') || want === undefined) return;
        expect(Object.entries(picked)).toEqual(Object.entries(want));
      }),
      { numRuns: fuzzRuns(600, 3000) },
    );
  });

  it('reads plain lines without declining (unique keys, no nesting before the needed ones, no escapes)', () => {
    const word = fc.stringMatching(/^[\w ]{0,8}$/);
    const value = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), word, fc.constantFrom(true, false, null, 'a: {x}', 'C:\\dir', '"q"'));
    const plainObject = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'xa', 'ab', 'msg', '_time', 'time'), value, { maxKeys: 6 });
    fc.assert(
      fc.property(projectionArb, plainObject, fc.constantFrom(':', ': '), (fields, obj, colon) => {
        const line = JSON.stringify(obj).replace(/":(?=["\dtfn{[-])/g, `"${colon}`);
        const picked = pickLine(fields, line, '{"z":0}', '{"z":1}');
        const want = expected(line, fields)!;
        if (line.includes('\\u') || Object.keys(want).length === 0) return;
        expect(picked).not.toBeNull();
        expect(Object.entries(picked!)).toEqual(Object.entries(want));
      }),
      { numRuns: fuzzRuns(200, 1000) },
    );
  });

  it('reads each line of a block right when values of one length alternate (remembered strings)', () => {
    // Same byte length: ASCII, non-ASCII (2 bytes for é), escaped; remembered strings must never stand in for another.
    const values = ['abcd', 'abce', 'Abcd', 'ébc', 'ab\\c', 'abc"', 'wxyz', 'abcd '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 40 }), (picks) => {
        const lines = picks.map((v, i) => JSON.stringify({ n: i, a: v }));
        const text = lines.join('\n');
        const bytes = Buffer.from(text, 'utf8');
        const latin1 = bytes.toString('latin1');
        const picker = new KeyPicker(['a'], []);
        picker.reset({ text: latin1, bytes, base: 0 }, new HitCursor(latin1, SPELLING_ESCAPES));
        let start = 0;
        const got = lines.map(() => {
          let end = latin1.indexOf('\n', start);
          if (end < 0) end = latin1.length;
          const picked = picker.pick(start, end);
          start = end + 1;
          return picked?.a;
        });
        expect(got).toEqual(picks);
      }),
      { numRuns: fuzzRuns(100, 500) },
    );
  });

  it('reads any subset of a block\'s lines right, as a selective pre-filter leaves them (key searches stay in the line)', () => {
    fc.assert(
      fc.property(projectionArb, fc.array(fc.tuple(lineArb, fc.boolean()), { minLength: 1, maxLength: 12 }), (fields, rows) => {
        const lines = rows.map(([line]) => line.replace(/\n/g, ' '));
        const latin1 = Buffer.from(lines.join('\n'), 'utf8').toString('latin1');
        const bytes = Buffer.from(latin1, 'latin1');
        const picker = new KeyPicker(fields, TIME_NAMES);
        picker.reset({ text: latin1, bytes, base: 0 }, new HitCursor(latin1, SPELLING_ESCAPES));
        let start = 0;
        rows.forEach(([, read], i) => {
          let end = latin1.indexOf('\n', start);
          if (end < 0) end = latin1.length;
          if (read) {
            const picked = picker.pick(start, end);
            const want = expected(lines[i]!, fields);
            if (picked !== null && want !== undefined) expect(Object.entries(picked)).toEqual(Object.entries(want));
          }
          start = end + 1;
        });
      }),
      { numRuns: fuzzRuns(300, 1500) },
    );
  });

  it('keeps lines whose escapes cannot spell a key (data written with ensure_ascii) on the fast path', () => {
    const line = '{"caf\\u00e9":1,"a":"d\\u00e9j\\u00e0 vu \\u2019","b":2}';
    expect(pickLine(['a', 'b'], line, '{}', '{}')).toEqual(JSON.parse('{"a":"d\\u00e9j\\u00e0 vu \\u2019","b":2}'));
    // An escape of a printable ASCII character still declines the line: it could spell a needed key.
    expect(pickLine(['a'], '{"x":"\\u0041","a":1}', '{}', '{}')).toBeNull();
  });

  it('declines the lines a search cannot be sure of', () => {
    const cases: Array<[string, string[]]> = [
      ['{"a":1,"a":2}', ['a']],
      ['{"n":{"a":5},"a":1}', ['a']],
      ['{"\\u0061":7}', ['a']],
      ['{"a":1}{"a":2}', ['a']],
      [' {"a":1}', ['a']],
      ['{oops}', ['a']],
    ];
    for (const [line, fields] of cases) expect(pickLine(fields, line, '{}', '{}')).toBeNull();
  });

  it('never picks names that need the full decoder', () => {
    for (const name of ['a.b', 'a{}', 'x/y', 'a"b', 'é', '', 'result', 'preview', '__proto__']) expect(canPickKeys([name])).toBe(false);
    expect(canPickKeys(['sourcetype', 'EventCode', '_time', '@timestamp'])).toBe(true);
  });
});
