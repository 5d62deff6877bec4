// fast-check laws for convert: ctime then mktime with the same timeformat gives back the time, to the second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';

/** Formats that name every date and time part; zones whose local time is unambiguous for them. */
const CASES: Array<{ format: string; zone: string }> = [
  { format: '%m/%d/%Y %H:%M:%S', zone: 'UTC' },
  { format: '%Y-%m-%dT%H:%M:%S', zone: 'Asia/Kolkata' },
  { format: '%d %b %Y %I:%M:%S %p', zone: 'UTC' },
  { format: '%Y-%m-%d %H:%M:%S %z', zone: 'America/Los_Angeles' },
  { format: '%s', zone: 'Europe/Berlin' },
];

describe('convert laws', () => {
  it('ctime then mktime with the same timeformat is the identity at second precision', () => {
    const epoch = fc.double({ min: 0, max: 4102444799, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...CASES), epoch, ({ format, zone }, t) => {
        const query = `* | convert timeformat="${format}" ctime(t) | convert timeformat="${format}" mktime(t)`;
        const [out] = runQuery(query, [{ t }], zone);
        expect(out!.t).toBe(Math.floor(t));
      }),
    );
  });
});
