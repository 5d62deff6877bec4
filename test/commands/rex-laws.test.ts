// fast-check laws for rex: a pattern that cannot match leaves events unchanged; max_match=0 finds every match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { runEvents, runQuery } from '../helpers/run.js';

const letters = fc.stringMatching(/^[a-z ;=]{0,30}$/);
const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(letters, fc.array(letters, { minLength: 1, maxLength: 3 }), fc.boolean());
const eventFields = fc.dictionary(fc.constantFrom('a', 'b', 'n', 'off', '_raw'), fieldValue, { maxKeys: 4 });

describe('rex laws', () => {
  it('a pattern with no match leaves every event unchanged (extraction and sed, any field and options)', () => {
    const commands = [
      '* | rex "(?<n>\\d+)"',
      '* | rex field=a max_match=0 offset_field=off "(?<n>[0-9])(?<b>x)?"',
      '* | rex field=b max_match=3 "(?<a>#+)"',
      '* | rex field=a mode=sed "s/[0-9]/X/g"',
      '* | rex mode=sed "y/0123/abcd/"',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...commands), eventFields, fc.option(letters, { nil: undefined }), (query, fields, raw) => {
        const before = Event.fromObject(fields, raw);
        const [after] = runEvents(query, [before.clone()]);
        expect(after!.toObject(true)).toEqual(before.toObject(true));
        expect(after!.names()).toEqual(before.names());
      }),
    );
  });

  it('max_match=0 extracts one value per occurrence, in order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab]{1,40}$/), (text) => {
        const [out] = runQuery('* | rex field=s max_match=0 "(?<hit>a+)"', [{ s: text }]);
        const expected = text.match(/a+/g) ?? [];
        const got = out!.hit === undefined ? [] : [out!.hit].flat();
        expect(got).toEqual(expected);
      }),
    );
  });
});
