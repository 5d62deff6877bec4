// The scanning (projected) decode gives exactly what the JSON.parse decode gives, on valid and broken text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder, isDecodeError, type DecodeError, type DecodeOptions } from '../../src/input/json/decode.js';
import type { Event } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';
import { FIELD_POOL, jsonObjectText } from './scan-arbitraries.js';
import { fuzzRuns } from '../helpers/tier.js';

const UTC = getZone('UTC');
const fieldSet = fc.uniqueArray(fc.constantFrom(...FIELD_POOL), { maxLength: 5 }).map((names) => new Set(names));
const timeField = fc.constantFrom(undefined, 'ev.at', 'a.b', 'a');

/** The two decoders under comparison: JSON.parse of every line (validate) and the scanning fast path. */
function decoders(opts: Omit<DecodeOptions, 'zone'>) {
  const base = { zone: UTC, defaults: { host: 'default-host' }, ...opts };
  return { full: createDecoder({ ...base, validate: true }), fast: createDecoder(base) };
}

/** An event or error as plain data: field order, values (with -0 kept apart from 0), lazy _raw. */
function view(result: Event | DecodeError): unknown {
  if (isDecodeError(result)) return { error: result };
  return { names: result.names(), fields: result.toObject(true), rawText: result.rawText };
}

function decodeBoth(text: string, opts: Omit<DecodeOptions, 'zone'>) {
  const { full, fast } = decoders(opts);
  const rec = { text, file: 'in.json', line: 4 };
  return { full: view(full(rec)), fast: view(fast(rec)) };
}

describe('scan path equals JSON.parse path', () => {
  it('law: same event (fields, values, order, _raw) for any valid object text and projection', () => {
    fc.assert(
      fc.property(jsonObjectText, fieldSet, timeField, (text, fields, time) => {
        const { full, fast } = decodeBoth(text, { fields, timeField: time });
        expect(fast).toEqual(full);
      }),
      { numRuns: fuzzRuns(500, 3000) },
    );
  });

  it('law: every truncation decodes identically (an error where JSON.parse fails)', () => {
    fc.assert(
      fc.property(jsonObjectText, fieldSet, (text, fields) => {
        const { full, fast } = decoders({ fields });
        for (let cut = 0; cut < text.length; cut++) {
          const rec = { text: text.slice(0, cut), file: 'in.json', line: 9 };
          const expected = view(full(rec));
          expect(view(fast(rec))).toEqual(expected);
        }
      }),
      { numRuns: fuzzRuns(60, 300) },
    );
  });

  it('agrees on hand-picked cases: duplicates, export wrappers, dotted keys, escaped keys, __proto__', () => {
    const cases = [
      '{"a":1,"b":2,"a":{"x":3}}',
      '{"a":{"x":3},"b":2,"a":1}',
      '{"preview":false,"result":{"a":1,"host":"h"}}',
      '{"result":{"a":1},"a":2}',
      '{"r\\u0065sult":{"a":1},"preview":true}',
      '{"a.b":1,"a":{"b":2},"a.b.c":3,"a{}":4}',
      '{"\\u0061":1,"a\\u002eb":2,"\\"":3}',
      '{"__proto__":{"x":1},"a":2}',
      '{"2":"two","a":1,"1":"one"}',
      '{"_time":"","time":"2022-08-14T14:00:15Z","a":[1,[2,[3]],{"b":null}]}',
      '{"_raw":"own raw","a":1}',
      ' \n{ "a" : 1 , "b" : [ ] }\r\n ',
      '{}',
    ];
    for (const text of cases) {
      for (const fields of [['a'], ['a.b'], ['a{}', 'b'], ['__proto__'], ['1', 'zz'], ['"'], ['result.a']]) {
        const { full, fast } = decodeBoth(text, { fields: new Set(fields) });
        expect(fast, `${text} with ${fields.join(',')}`).toEqual(full);
      }
    }
  });
});
