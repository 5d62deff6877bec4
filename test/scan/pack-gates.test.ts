// Pack gates: the mstats gate remembers its verdict on the last event asked about; it equals measurementsOf on every event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMeasurement } from '../../src/scan/pack-gates.js';
import { measurementsOf } from '../../src/commands/mstats-input.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';

/** Events with or without a measurement, in either metric shape (numbers, texts that are not numbers, missing values). */
const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(fc.integer(), fc.constantFrom('3.5', 'x', ''), fc.constant([1, 'y']));
const event = fc.dictionary(fc.constantFrom('metric_name', '_value', 'metric_name:cpu', 'metric_name:mem', 'host', 'x'), fieldValue)
  .map((fields) => Event.fromObject(fields));

describe('pack gates', () => {
  it('the measurement gate equals measurementsOf, asked in turn by several members about each event', () => {
    fc.assert(fc.property(fc.array(fc.tuple(event, fc.integer({ min: 1, max: 4 })), { maxLength: 30 }), (asks) => {
      for (const [ev, members] of asks) {
        const expected = measurementsOf(ev).length > 0;
        for (let m = 0; m < members; m++) expect(hasMeasurement(ev)).toBe(expected);
      }
    }), { numRuns: 300 });
  });
});
