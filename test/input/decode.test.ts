// Decoding raw records into events: flattening, export unwrapping, _raw, _time, metadata, projection, errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder, isDecodeError, type DecodeOptions } from '../../src/input/json/decode.js';
import type { RawRecord } from '../../src/input/sources/raw-record.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { flattenInto } from '../../src/runtime/flatten.js';
import { getZone } from '../../src/time/zone.js';

const UTC = getZone('UTC');
const rec = (text: string, line = 1): RawRecord => ({ text, file: 'in.json', line });

function decodeEvent(text: string, opts: Partial<DecodeOptions> = {}): Event {
  const result = createDecoder({ zone: UTC, ...opts })(rec(text));
  if (isDecodeError(result)) throw new Error(`unexpected decode error: ${result.message}`);
  return result;
}

describe('fields', () => {
  it('flattens nested objects and arrays Splunk-style, keeping key order', () => {
    const event = decodeEvent('{"a":{"b":1,"c":[1,"x",true]},"d":[{"e":1},{"e":2}],"n":null}');
    expect(event.toObject()).toEqual({ 'a.b': 1, 'a.c{}': [1, 'x', true], 'd{}.e': [1, 2], source: 'in.json' });
    expect(event.names().slice(0, 3)).toEqual(['a.b', 'a.c{}', 'd{}.e']);
  });

  it('unwraps Splunk export lines ({"preview":false,"result":{...}})', () => {
    const line = '{"preview":false,"offset":3,"lastrow":true,"result":{"host":"h1","_raw":"raw text","count":"2"}}';
    const event = decodeEvent(line);
    expect(event.toObject()).toEqual({ host: 'h1', _raw: 'raw text', count: '2', source: 'in.json' });
    expect(event.get('_raw')).toBe('raw text');
    expect(decodeEvent('{"result":{"a":1}}').get('a')).toBe(1);
  });

  it('does not unwrap an ordinary event that happens to have a result object', () => {
    const event = decodeEvent('{"result":{"ok":true},"user":"bob"}');
    expect(event.get('result.ok')).toBe(true);
    expect(event.get('user')).toBe('bob');
  });

  it('uses the record text as a lazy _raw unless the object has its own _raw', () => {
    const text = '{"a": 1}';
    const event = decodeEvent(text);
    expect(event.rawText).toBe(text);
    expect(event.get('_raw')).toBe(text);
    expect(event.toObject()).not.toHaveProperty('_raw');
    expect(decodeEvent('{"_raw":"own","a":1}').rawText).toBeUndefined();
  });
});

describe('metadata', () => {
  const defaults = { sourcetype: '_json', host: 'laptop', index: 'main', source: 'default-source' };

  it('takes sourcetype/source/host/index from the event, else from defaults', () => {
    const event = decodeEvent('{"host":"web1","sourcetype":"custom"}', { defaults });
    expect([event.get('host'), event.get('sourcetype'), event.get('index'), event.get('source')]).toEqual([
      'web1',
      'custom',
      'main',
      'default-source',
    ]);
  });

  it('falls back to the input name for source, and leaves the others absent without defaults', () => {
    const event = decodeEvent('{"a":1}');
    expect(event.get('source')).toBe('in.json');
    expect(event.has('host') || event.has('sourcetype') || event.has('index')).toBe(false);
  });
});

describe('_time', () => {
  it('parses _time given as a number or a string', () => {
    expect(decodeEvent('{"_time":1660485615.25}').get('_time')).toBe(1660485615.25);
    expect(decodeEvent('{"_time":"2022-08-14T14:00:15.000+00:00"}').get('_time')).toBe(1660485615);
  });

  it('tries the candidate fields in order after _time', () => {
    const event = decodeEvent('{"date":"2000-01-01","TimeCreated":"2022-08-14 14:00:15","@timestamp":"garbage-x"}');
    // @timestamp is the first present candidate; it does not parse, so there is no _time.
    expect(event.has('_time')).toBe(false);
    expect(decodeEvent('{"date":"2000-01-01","TimeCreated":"2022-08-14 14:00:15"}').get('_time')).toBe(1660485615);
    expect(decodeEvent('{"time":"2022-08-14T14:00:15Z","date":"2000-01-01"}').get('_time')).toBe(1660485615);
  });

  it('reads timestamps without a zone in the configured zone', () => {
    const event = decodeEvent('{"EventTime":"2022-08-14 14:00:15"}', { zone: getZone('+02:00') });
    expect(event.get('_time')).toBe(1660485615 - 7200);
  });

  it('uses timeField (top-level or a dotted path) instead of the candidates', () => {
    expect(decodeEvent('{"when":"2022-08-14T14:00:15Z","time":1}', { timeField: 'when' }).get('_time')).toBe(1660485615);
    expect(decodeEvent('{"time":1,"ev":{"at":1660485615}}', { timeField: 'ev.at' }).get('_time')).toBe(1660485615);
    expect(decodeEvent('{"time":1}', { timeField: 'missing' }).has('_time')).toBe(false);
  });

  it('gives no _time when nothing parses (an unparsable _time is removed)', () => {
    expect(decodeEvent('{"a":1}').has('_time')).toBe(false);
    expect(decodeEvent('{"_time":"yesterday"}').has('_time')).toBe(false);
  });
});

describe('malformed records', () => {
  const decode = createDecoder({ zone: UTC });

  it('returns (does not throw) an error with file and line for invalid JSON', () => {
    expect(decode(rec('{"a":1,}', 7))).toEqual({
      file: 'in.json',
      line: 7,
      message: 'invalid JSON: Expected double-quoted property name (column 8)',
    });
    expect(decode(rec('not json', 3))).toMatchObject({ file: 'in.json', line: 3 });
  });

  it('points at the line inside a multi-line record', () => {
    const result = decode(rec('{\n  "a": 1\n  "b": 2\n}', 10));
    expect(result).toMatchObject({ line: 12, message: expect.stringContaining('(column 3)') });
    expect(decode(rec('{\n "a":', 4))).toMatchObject({ line: 5, message: 'invalid JSON: Unexpected end of JSON input (column 6)' });
  });

  it('rejects JSON that is not an object', () => {
    expect(decode(rec('[1,2]'))).toMatchObject({ message: 'expected a JSON object, found an array' });
    expect(decode(rec('42'))).toMatchObject({ message: 'expected a JSON object, found a number' });
    expect(decode(rec('null'))).toMatchObject({ message: 'expected a JSON object, found null' });
  });
});

describe('projection', () => {
  it('materialises only wanted fields and their descendants, plus _raw, _time and metadata; defaults only where wanted', () => {
    const text = '{"a":{"b":1,"c":2},"d":[{"e":1,"f":2}],"g":3,"host":"h","_raw":"r","_time":5}';
    const event = decodeEvent(text, { fields: new Set(['a.b', 'd{}.e', 'zz']) });
    expect(event.toObject()).toEqual({ 'a.b': 1, 'd{}.e': [1], host: 'h', _raw: 'r', _time: 5 });
    // The file name as `source` (a default) is added only when something reads `source`.
    expect(decodeEvent(text, { fields: new Set(['a.b', 'source']) }).get('source')).toBe('in.json');
    expect(decodeEvent(text, { fields: new Set(['a']) }).toObject()).toMatchObject({ 'a.b': 1, 'a.c': 2 });
    expect(decodeEvent(text, { fields: new Set(['a']) }).has('g')).toBe(false);
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer(),
      fc.constantFrom('x', 'y', true, null),
      fc.array(tie('value'), { maxLength: 3 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'a.b'), tie('value'), { maxKeys: 3 }),
  }));

  it('law: a projected event equals the full event restricted to the wanted names and their descendants', () => {
    const names = fc.constantFrom('a', 'b', 'a.b', 'a.c', 'a{}', 'a{}.b', 'b.a.c', 'c{}.a', 'a.b.c');
    fc.assert(
      fc.property(json.object, fc.uniqueArray(names, { maxLength: 4 }), (obj, wanted) => {
        const full = new Map<string, FieldValue>();
        flattenInto(obj as Record<string, unknown>, full);
        const isWanted = (name: string) =>
          wanted.some((w) => name === w || name.startsWith(`${w}.`) || name.startsWith(`${w}{}`));
        const expected = Object.fromEntries([...full].filter(([name]) => isWanted(name)));
        const projected = decodeEvent(JSON.stringify(obj), { fields: new Set(wanted) }).toObject();
        delete projected.source;
        expect(projected).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
