// Events survive the trip to the main thread: fields in order, multivalues, explicit and lazy _raw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEvents, encodeEvents } from '../../src/parallel/event-codec.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';

const scalar = fc.oneof(fc.string(), fc.double({ noNaN: false }), fc.boolean());
const value: fc.Arbitrary<FieldValue> = fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 }));
const fields = fc.uniqueArray(fc.tuple(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('_raw', '_time', '10', '2')), value), { selector: ([k]) => k, maxLength: 6 });
const anEvent = fc.tuple(fields, fc.option(fc.string(), { nil: undefined })).map(([entries, raw]) => new Event(new Map(entries), raw));

function trip(events: Event[], withRaw: boolean): Event[] {
  const out: Event[] = [];
  decodeEvents(structuredClone(encodeEvents(events, withRaw)), (ev) => out.push(ev));
  return out;
}

const view = (ev: Event) => ev.names().map((n) => [n, ev.get(n)]);

describe('event codec', () => {
  it('law: with raw texts, every event comes back with the same fields in the same order and the same _raw', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 5 }), (events) => {
        const back = trip(events, true);
        expect(back.map(view)).toEqual(events.map(view));
        expect(back.map((e) => e.rawText)).toEqual(events.map((e) => e.rawText));
      }),
    );
  });
  it('law: without raw texts, the stored fields come back and a lazy _raw is dropped', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 5 }), (events) => {
        const back = trip(events, false);
        expect(back.map((e) => e.toObject())).toEqual(events.map((e) => e.toObject()));
        expect(back.map((e) => e.names())).toEqual(events.map((e) => e.names().slice(0, e.size)));
        expect(back.every((e) => e.rawText === undefined)).toBe(true);
      }),
    );
  });
  it('numeric-looking field names keep their position (no object-key reordering)', () => {
    const [back] = trip([Event.fromObject({ b: 1, a: 2 })], false);
    back!.set('10', 'x');
    expect(trip([back!], false)[0]!.names()).toEqual(['b', 'a', '10']);
  });
});
