// Tests for Splunk time modifiers: offsets, snaps, absolute forms, DST in local time, errors, laws.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compileTimeModifier, relativeTime } from '../../src/time/relative.js';
import { compileStrftime } from '../../src/time/strftime.js';
import { getZone } from '../../src/time/zone.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;
const show = compileStrftime('%Y-%m-%d %H:%M:%S %Z');
const at = (now: string, spec: string, zone = 'UTC'): string => show(relativeTime(utc(now), spec, getZone(zone)), getZone(zone));

describe('in UTC, now = Sun 2024-04-28 14:05:30.5', () => {
  const now = '2024-04-28T14:05:30.500Z';
  const cases: Array<[string, string]> = [
    ['now', '2024-04-28 14:05:30 UTC'],
    ['-70m@m', '2024-04-28 12:55:00 UTC'],
    ['-1d@d', '2024-04-27 00:00:00 UTC'],
    ['-2d@d', '2024-04-26 00:00:00 UTC'],
    ['-2d', '2024-04-26 14:05:30 UTC'],
    ['+1h', '2024-04-28 15:05:30 UTC'],
    ['-h', '2024-04-28 13:05:30 UTC'],
    ['-30s', '2024-04-28 14:05:00 UTC'],
    ['-2secs', '2024-04-28 14:05:28 UTC'],
    ['-1hr@hour', '2024-04-28 13:00:00 UTC'],
    ['@w0', '2024-04-28 00:00:00 UTC'],
    ['@w', '2024-04-28 00:00:00 UTC'],
    ['@w7', '2024-04-28 00:00:00 UTC'],
    ['@w1', '2024-04-22 00:00:00 UTC'],
    ['@w6', '2024-04-27 00:00:00 UTC'],
    ['-7d@w1', '2024-04-15 00:00:00 UTC'],
    ['@mon', '2024-04-01 00:00:00 UTC'],
    ['@q', '2024-04-01 00:00:00 UTC'],
    ['-1q@q', '2024-01-01 00:00:00 UTC'],
    ['@y', '2024-01-01 00:00:00 UTC'],
    ['-1y@y', '2023-01-01 00:00:00 UTC'],
    ['-24h@h+30m', '2024-04-27 14:30:00 UTC'],
    ['@d+8h', '2024-04-28 08:00:00 UTC'],
    ['-1w', '2024-04-21 14:05:30 UTC'],
    ['+2weeks', '2024-05-12 14:05:30 UTC'],
    ['-3months', '2024-01-28 14:05:30 UTC'],
    ['+1qtr', '2024-07-28 14:05:30 UTC'],
    ['-2yrs', '2022-04-28 14:05:30 UTC'],
    ['0', '1970-01-01 00:00:00 UTC'],
    ['1', '1970-01-01 00:00:01 UTC'],
    ['10/19/2016:20:00:00', '2016-10-19 20:00:00 UTC'],
    ['10/19/2016:0:0:0', '2016-10-19 00:00:00 UTC'],
    ['2021-04-30T13:05:11Z', '2021-04-30 13:05:11 UTC'],
  ];
  it.each(cases)('%s → %s', (spec, out) => {
    expect(at(now, spec)).toBe(out);
  });

  it('keeps the fraction for offsets and drops it when snapping', () => {
    expect(relativeTime(utc(now), '-1d', getZone('UTC'))).toBe(utc(now) - 86400);
    expect(relativeTime(utc(now), '-1mon', getZone('UTC'))).toBe(utc('2024-03-28T14:05:30.500Z'));
    expect(relativeTime(utc(now), '@s', getZone('UTC'))).toBe(utc('2024-04-28T14:05:30Z'));
  });
});

describe('month arithmetic clamps the day', () => {
  const cases: Array<[string, string, string]> = [
    ['2024-03-31T12:00:00Z', '-1mon', '2024-02-29 12:00:00 UTC'],
    ['2023-03-31T12:00:00Z', '-1mon', '2023-02-28 12:00:00 UTC'],
    ['2024-01-31T12:00:00Z', '+1mon', '2024-02-29 12:00:00 UTC'],
    ['2024-05-31T12:00:00Z', '-1q', '2024-02-29 12:00:00 UTC'],
    ['2024-02-29T12:00:00Z', '+1y', '2025-02-28 12:00:00 UTC'],
    ['2024-12-15T12:00:00Z', '+1mon', '2025-01-15 12:00:00 UTC'],
    ['2024-01-15T12:00:00Z', '-13mon', '2022-12-15 12:00:00 UTC'],
  ];
  it.each(cases)('%s %s → %s', (now, spec, out) => {
    expect(at(now, spec)).toBe(out);
  });
});

describe('snapping in local time across DST', () => {
  const cases: Array<[string, string, string, string]> = [
    // New York spring forward 2024-03-10 02:00 EST → 03:00 EDT; now = 12:45:30 EDT.
    ['America/New_York', '2024-03-10T16:45:30Z', '@d', '2024-03-10 00:00:00 EST'],
    ['America/New_York', '2024-03-10T16:45:30Z', '-1d@d', '2024-03-09 00:00:00 EST'],
    ['America/New_York', '2024-03-10T16:45:30Z', '-1d', '2024-03-09 12:45:30 EST'],
    ['America/New_York', '2024-03-10T16:45:30Z', '-24h', '2024-03-09 11:45:30 EST'],
    ['America/New_York', '2024-03-10T16:45:30Z', '@d+2h+30m', '2024-03-10 03:30:00 EDT'],
    ['America/New_York', '2024-03-11T12:00:00Z', '-1d@d+2h', '2024-03-10 03:00:00 EDT'],
    // New York fall back 2024-11-03 02:00 EDT → 01:00 EST.
    ['America/New_York', '2024-11-03T17:00:00Z', '@d', '2024-11-03 00:00:00 EDT'],
    ['America/New_York', '2024-11-03T06:30:00Z', '@h', '2024-11-03 01:00:00 EST'],
    ['America/New_York', '2024-11-03T05:30:00Z', '@h', '2024-11-03 01:00:00 EDT'],
    ['America/New_York', '2024-11-04T17:00:00Z', '-1d@d', '2024-11-03 00:00:00 EDT'],
    ['America/New_York', '2024-11-03T06:30:00Z', '+0d', '2024-11-03 01:30:00 EST'],
    ['America/New_York', '2024-11-06T17:00:00Z', '@w0', '2024-11-03 00:00:00 EDT'],
    // Berlin and Lord Howe (30-minute DST; hours start at :30 UTC in standard time).
    ['Europe/Berlin', '2024-03-31T10:00:00Z', '@d', '2024-03-31 00:00:00 CET'],
    ['Europe/Berlin', '2024-10-27T10:00:00Z', '-1d@d', '2024-10-26 00:00:00 CEST'],
    ['Australia/Lord_Howe', '2024-06-01T03:50:00Z', '@h', '2024-06-01 14:00:00 +1030'],
    ['Australia/Lord_Howe', '2024-10-05T15:40:00Z', '@h', '2024-10-06 02:30:00 +11'],
    ['Australia/Lord_Howe', '2024-10-06T03:00:00Z', '@d', '2024-10-06 00:00:00 +1030'],
    ['Asia/Kolkata', '2024-06-01T20:00:00Z', '@d', '2024-06-02 00:00:00 IST'],
    ['Asia/Kolkata', '2024-06-01T20:00:00Z', '@mon', '2024-06-01 00:00:00 IST'],
  ];
  it.each(cases)('%s now=%s %s → %s', (zone, now, spec, out) => {
    expect(at(now, spec, zone)).toBe(out);
  });

  it('absolute times are read in the zone', () => {
    expect(relativeTime(0, '10/19/2016:20:00:00', getZone('America/New_York'))).toBe(utc('2016-10-20T00:00:00Z'));
    expect(relativeTime(0, '2016-10-19 20:00:00', getZone('Asia/Kolkata'))).toBe(utc('2016-10-19T14:30:00Z'));
  });
});

describe('bad modifiers', () => {
  const cases: Array<[string, number, number]> = [
    ['', 0, 0],
    ['-1x', 0, 3],
    ['@w8', 0, 3],
    ['@d3', 0, 3],
    ['yesterday', 0, 9],
    ['-1d@', 3, 4],
    ['5d', 0, 2],
    ['-1d junk', 3, 8],
    ['13/01/2024:00:00:00', 0, 19],
  ];
  it.each(cases)('%j is bad-time-format with span [%d, %d)', (spec, start, end) => {
    let error: unknown;
    try {
      compileTimeModifier(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SplError);
    expect((error as SplError).code).toBe('bad-time-format');
    expect((error as SplError).message).toContain(`"${spec}"`);
    expect((error as SplError).span).toEqual({ start, end });
  });
});

describe('laws', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const seconds = fc.integer({ min: 0, max: 4_102_444_800 });
  const timeOfDay = compileStrftime('%H:%M:%S');
  const weekday = compileStrftime('%w');
  const dateOf = compileStrftime('%Y-%m-%d');
  /**
   * The first instant of its local day: midnight, or, on a day whose midnight the clocks skipped (Australia/Lord_Howe
   * went from +10:00 to +10:30 at 00:00 on 1981-03-01, so that day began at 00:30), the first time that exists.
   */
  const startsItsDay = (t: number, zone: ReturnType<typeof getZone>): boolean =>
    dateOf(t - 1, zone) !== dateOf(t, zone) && (timeOfDay(t, zone) === '00:00:00' || timeOfDay(t - 1, zone) === '23:59:59');

  it('@d is local midnight at most a day (plus one DST hour) before now', () => {
    fc.assert(
      fc.property(seconds, fc.constantFrom(...zones), (now, zoneName) => {
        const zone = getZone(zoneName);
        const snapped = relativeTime(now, '@d', zone);
        expect(startsItsDay(snapped, zone)).toBe(true);
        expect(snapped).toBeLessThanOrEqual(now);
        expect(now - snapped).toBeLessThan(25 * 3600);
      }),
      { numRuns: 2000 },
    );
  });

  it('on a day whose midnight the clocks skipped, @d and @w snap to its first instant (Lord Howe, 1981-03-01 00:30)', () => {
    const zone = getZone('Australia/Lord_Howe');
    for (const spec of ['@d', '@w0']) {
      const snapped = relativeTime(352216800, spec, zone);
      expect(timeOfDay(snapped, zone)).toBe('00:30:00');
      expect(startsItsDay(snapped, zone)).toBe(true);
    }
  });

  it('@wN lands on weekday N at midnight, within the last week', () => {
    fc.assert(
      fc.property(seconds, fc.constantFrom(...zones), fc.integer({ min: 0, max: 6 }), (now, zoneName, day) => {
        const zone = getZone(zoneName);
        const snapped = relativeTime(now, `@w${day}`, zone);
        expect(weekday(snapped, zone)).toBe(String(day));
        expect(startsItsDay(snapped, zone)).toBe(true);
        expect(snapped).toBeLessThanOrEqual(now);
        expect(now - snapped).toBeLessThan(7 * 86400 + 3600);
      }),
      { numRuns: 2000 },
    );
  });

  it('hour, minute and second offsets are exact durations', () => {
    fc.assert(
      fc.property(seconds, fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(...zones), (now, n, zoneName) => {
        const sign = n < 0 ? '-' : '+';
        const zone = getZone(zoneName);
        expect(relativeTime(now, `${sign}${Math.abs(n)}h`, zone)).toBe(now + n * 3600);
        expect(relativeTime(now, `${sign}${Math.abs(n)}m`, zone)).toBe(now + n * 60);
      }),
    );
  });
});
