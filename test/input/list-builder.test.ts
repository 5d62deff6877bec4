// The member-list event builder (hit lines the key locator read) gives the event the picked-members object builder gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventBuilder, createListEventBuilder, timeFieldNames } from '../../src/input/json/decode.js';
import type { Event } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';
import { fuzzRuns } from '../helpers/tier.js';

/** Plain top-level keys: wanted fields, metadata, time fields in lookup order, and keys nothing reads. */
const NAMES = ['a', 'b', 'host', 'source', 'index', '_time', 'timestamp', 'UtcTime', 'time', 'date', 'zz', '_raw', 'constructor'];
const value = fc.constantFrom<unknown>(
  'x', '', ' ', 'WS1', 0, -1.5, 1700000000, 1700000000.25, true, false, null, ['p', 'q'], [], [1, null, 'r'],
  '2023-11-14T22:13:20Z', '2023-11-14 22:13:21.5', 'not a time', '1700000001',
);
/** A line's members: each key at most once (the key locator declines a line with a wanted key twice), in any order. */
const members = fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), value), { selector: ([k]) => k, maxLength: NAMES.length });
const fieldSets = fc.subarray(['a', 'b', 'host', 'source', '_time', 'zz', '_raw', 'constructor']);

const view = (ev: Event) => ({ names: ev.names(), fields: ev.toObject(true), raw: ev.rawText });

describe('list event builder', () => {
  it('law: same event (fields, values, order, _time, defaults, _raw) as the object builder for the same members', () => {
    fc.assert(
      fc.property(members, fieldSets, fc.boolean(), fc.constantFrom(undefined, 'date'), (line, fields, withTime, timeField) => {
        const opts = { zone: getZone('UTC'), fields: new Set(fields), defaults: { host: 'dflt', index: 'main' }, timeField };
        const slotNames = [...new Set([...fields, ...timeFieldNames(opts), ...NAMES])];
        const byList = createListEventBuilder(opts, withTime, slotNames)!;
        const byObject = createEventBuilder(opts, withTime, 'picked');
        const list = { slots: line.map(([k]) => slotNames.indexOf(k)), values: line.map(([, v]) => v), count: line.length };
        const object = Object.fromEntries(line);
        expect(view(byList(list, 'f.json', 'raw text'))).toEqual(view(byObject(object, 'f.json', 'raw text')));
      }),
      { numRuns: fuzzRuns(300, 2000) },
    );
  });

  it('is not made for names an object would order first (array indexes)', () => {
    const opts = { zone: getZone('UTC'), fields: new Set(['a', '7']) };
    expect(createListEventBuilder(opts, true, ['a', '7'])).toBeNull();
    expect(createListEventBuilder(opts, true, ['a', '07', '-1'])).not.toBeNull();
  });
});
