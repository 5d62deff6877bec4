// Tests for parseTimestamp: epoch numbers in s/ms/µs, ISO 8601 and space-separated text, zones.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/time/parse.js';
import { getZone } from '../../src/time/zone.js';

const UTC = getZone('UTC');
const NEW_YORK = getZone('America/New_York');
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('epoch numbers', () => {
  const cases: Array<[unknown, number]> = [
    [1619787911, 1619787911],
    [1619787911.123, 1619787911.123],
    [1619787911123, 1619787911.123],
    [1619787911123456, 1619787911.123456],
    ['1619787911', 1619787911],
    ['1619787911.5', 1619787911.5],
    ['1619787911123', 1619787911.123],
    [' 1619787911 ', 1619787911],
    [0, 0],
    ['-86400', -86400],
    [99999999999, 99999999999],
    [100000000001, 100000000.001],
    [['1619787911', '5'], 1619787911],
  ];
  it.each(cases)('%j → %d', (value, expected) => {
    expect(parseTimestamp(value, NEW_YORK)).toBe(expected);
  });
});

describe('text', () => {
  const cases: Array<[string, number]> = [
    ['2021-04-30T13:05:11Z', utc('2021-04-30T13:05:11Z')],
    ['2021-04-30T13:05:11+02:00', utc('2021-04-30T11:05:11Z')],
    ['2021-04-30T13:05:11-0530', utc('2021-04-30T18:35:11Z')],
    ['2021-04-30T13:05:11+02', utc('2021-04-30T11:05:11Z')],
    ['2021-04-30T13:05:11.123456Z', 1619787911.123456],
    ['2021-04-30T13:05:11.1234567Z', 1619787911.1234567],
    ['2021-04-30 13:05:11 UTC', utc('2021-04-30T13:05:11Z')],
    ['2021-04-30 13:05:11,5 +00:00', 1619787911.5],
    ['2021-04-30T13:05Z', utc('2021-04-30T13:05:00Z')],
    // Without a zone: read in the given zone (New York, EDT in April).
    ['2021-04-30T13:05:11', utc('2021-04-30T17:05:11Z')],
    ['2021-04-30 13:05:11.250', utc('2021-04-30T17:05:11Z') + 0.25],
    ['2021/04/30 13:05:11', utc('2021-04-30T17:05:11Z')],
    ['2021-04-30', utc('2021-04-30T04:00:00Z')],
    ['2024-03-10 02:30:00', utc('2024-03-10T07:30:00Z')],
  ];
  it.each(cases)('%s → %d', (text, expected) => {
    expect(parseTimestamp(text, NEW_YORK)).toBe(expected);
  });

  const rejected = [
    '', 'hello', '2021-13-01', '2021-02-29', '2021-04-31T00:00:00', '2021-04-30T24:00:00', '2021-04-30T13:60',
    '2021-04-30T13:05:11.', '2021-04-30T13:05:11Q', '2021-04-30T13:05:11+2', '2021-04-30T13:05:11 junk', '1.2.3',
    'Apr 30 2021', '12:00:00',
  ];
  it.each(rejected)('%j is not a timestamp', (text) => {
    expect(parseTimestamp(text, UTC)).toBeUndefined();
  });

  it('non-scalar and non-finite values are not timestamps', () => {
    for (const value of [NaN, Infinity, true, null, undefined, {}, []]) expect(parseTimestamp(value, UTC)).toBeUndefined();
  });
});

describe('laws', () => {
  const instantMs = fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') });

  it('parseTimestamp(new Date(t).toISOString()) === t / 1000 in any zone', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'), (ms, zone) => {
        expect(parseTimestamp(new Date(ms).toISOString(), getZone(zone))).toBe(ms / 1000);
      }),
      { numRuns: 3000 },
    );
  });

  it('epoch milliseconds as numbers and strings give seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000_001, max: 99_999_999_999_999 }), (ms) => {
        expect(parseTimestamp(ms, UTC)).toBe(ms / 1000);
        expect(parseTimestamp(String(ms), UTC)).toBe(ms / 1000);
      }),
    );
  });
});
