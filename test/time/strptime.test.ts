// Tests for strptime: documented formats, zone handling, non-fitting text, and round-trip laws with strftime.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStrftime } from '../../src/time/strftime.js';
import { compileStrptime } from '../../src/time/strptime.js';
import { getZone } from '../../src/time/zone.js';

const parse = (text: string, fmt: string, zone = 'UTC'): number | null => compileStrptime(fmt)(text, getZone(zone));
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('documented formats', () => {
  it('convert mktime default format %m/%d/%Y %H:%M:%S', () => {
    expect(parse('03/27/2018 17:20:14', '%m/%d/%Y %H:%M:%S', 'America/Los_Angeles')).toBe(1522196414);
    expect(parse('03/28/2018 00:20:14', '%m/%d/%Y %H:%M:%S')).toBe(1522196414);
  });

  it('reads sub-seconds exactly', () => {
    expect(parse('2018-03-27T17:20:14.839', '%Y-%m-%dT%H:%M:%S.%3N', 'America/Los_Angeles')).toBe(1522196414.839);
    expect(parse('2018-03-28 00:20:14.839', '%Y-%m-%d %H:%M:%S.%Q')).toBe(1522196414.839);
    expect(parse('00:00:01.123456', '%H:%M:%S.%f')).toBe(1.123456);
    expect(parse('00:00:01.5', '%H:%M:%S.%N')).toBe(1.5);
  });

  it('leading zeros are accepted but not required', () => {
    expect(parse('3/7/2018 5:4:3', '%m/%d/%Y %H:%M:%S')).toBe(utc('2018-03-07T05:04:03Z'));
  });

  it('Splunk absolute time form %m/%d/%Y:%H:%M:%S', () => {
    expect(parse('10/19/2016:20:00:00', '%m/%d/%Y:%H:%M:%S')).toBe(utc('2016-10-19T20:00:00Z'));
  });
});

describe('specifiers', () => {
  const cases: Array<[string, string, string]> = [
    ['Thu Jul 18 09:30:00 2019', '%c', '2019-07-18T09:30:00Z'],
    ['Thu Jul 18 09:30:00 PDT 2019', '%+', '2019-07-18T16:30:00Z'],
    ['7/18/2019 9:30:00', '%x %X', '2019-07-18T09:30:00Z'],
    ['2019-07-18 09:30', '%F %R', '2019-07-18T09:30:00Z'],
    ['07/18/19 09:30:00', '%D %T', '2019-07-18T09:30:00Z'],
    ['thursday, JULY 18 2019', '%A, %B %d %Y', '2019-07-18T00:00:00Z'],
    ['Jul  4 2021', '%b %e %Y', '2021-07-04T00:00:00Z'],
    ['09:30:00 PM', '%I:%M:%S %p', '1970-01-01T21:30:00Z'],
    ['12:05 am', '%I:%M %p', '1970-01-01T00:05:00Z'],
    ['12:05 PM', '%l:%M %P', '1970-01-01T12:05:00Z'],
    ['69-01-01', '%y-%m-%d', '1969-01-01T00:00:00Z'],
    ['68-01-01', '%y-%m-%d', '2068-01-01T00:00:00Z'],
    ['19 99-01-01', '%C %y-%m-%d', '1999-01-01T00:00:00Z'],
    ['2024 060', '%Y %j', '2024-02-29T00:00:00Z'],
    ['2024-01-01 00:00:00 +0530', '%Y-%m-%d %H:%M:%S %z', '2023-12-31T18:30:00Z'],
    ['2024-01-01 00:00:00 -05:00', '%Y-%m-%d %H:%M:%S %:z', '2024-01-01T05:00:00Z'],
    ['2024-01-01T00:00:00Z', '%Y-%m-%dT%H:%M:%S%z', '2024-01-01T00:00:00Z'],
    ['2024-01-01 00:00:00 EST', '%Y-%m-%d %H:%M:%S %Z', '2024-01-01T05:00:00Z'],
    ['2024-01-01 00:00:00 +330', '%Y-%m-%d %H:%M:%S %Ez', '2023-12-31T18:30:00Z'],
    ['1700000000', '%s', '2023-11-14T22:13:20Z'],
    ['Week 29 day 4: 2019-07-18', 'Week %V day %u: %F', '2019-07-18T00:00:00Z'],
    ['100% 2019', '100%% %Y', '2019-01-01T00:00:00Z'],
  ];
  it.each(cases)('%j with %j → %s', (text, fmt, iso) => {
    expect(parse(text, fmt)).toBe(utc(iso));
  });
});

describe('zones', () => {
  it('reads text without zone information in the given zone', () => {
    expect(parse('2024-07-04 12:00:00', '%Y-%m-%d %H:%M:%S', 'America/New_York')).toBe(utc('2024-07-04T16:00:00Z'));
    expect(parse('2024-07-04 12:00:00', '%Y-%m-%d %H:%M:%S', 'Asia/Kolkata')).toBe(utc('2024-07-04T06:30:00Z'));
    expect(parse('2024-07-04 12:00:00', '%Y-%m-%d %H:%M:%S', 'Australia/Lord_Howe')).toBe(utc('2024-07-04T01:30:00Z'));
  });

  it('zone information in the text overrides the given zone', () => {
    const inText: Array<[string, string]> = [
      ['2024-01-01 00:00:00 +0530', '%Y-%m-%d %H:%M:%S %z'],
      ['2024-01-01 00:00:00 EST', '%Y-%m-%d %H:%M:%S %Z'],
      ['1700000000', '%s'],
    ];
    for (const [text, fmt] of inText) {
      expect(parse(text, fmt, 'America/New_York')).toBe(parse(text, fmt, 'Asia/Tokyo'));
      expect(parse(text, fmt, 'America/New_York')).not.toBeNull();
    }
  });

  it('DST gaps shift forward, repeated hours take the earlier instant', () => {
    const fmt = '%Y-%m-%d %H:%M:%S';
    expect(parse('2024-03-10 02:30:00', fmt, 'America/New_York')).toBe(utc('2024-03-10T07:30:00Z'));
    expect(parse('2024-11-03 01:30:00', fmt, 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    expect(parse('2024-03-31 02:30:00', fmt, 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:00Z'));
    expect(parse('2024-10-06 02:15:00', fmt, 'Australia/Lord_Howe')).toBe(utc('2024-10-05T15:45:00Z'));
  });

  it('%s with a fraction', () => {
    expect(parse('1522196414.839', '%s.%3N')).toBe(1522196414.839);
    expect(parse('-2.75', '%s.%Q')).toBe(-1.25);
  });
});

describe('text that does not fit', () => {
  const cases: Array<[string, string]> = [
    ['13/01/2024', '%m/%d/%Y'],
    ['02/30/2024', '%m/%d/%Y'],
    ['02/29/2023', '%m/%d/%Y'],
    ['2023 366', '%Y %j'],
    ['abc', '%Y'],
    ['2024-01-01', '%Y/%m/%d'],
    ['24:00:00', '%H:%M:%S'],
    ['2024-01-01 00:00:00 XYZ', '%Y-%m-%d %H:%M:%S %Z'],
    ['Foo 1 2024', '%b %d %Y'],
    ['', '%Y'],
  ];
  it.each(cases)('%j with %j → null', (text, fmt) => {
    expect(parse(text, fmt)).toBeNull();
  });

  it('whitespace in the format matches any run of whitespace, even none', () => {
    expect(parse('2024-01-02    03:04', '%Y-%m-%d %H:%M')).toBe(utc('2024-01-02T03:04:00Z'));
    expect(parse('2024-01-0203:04', '%Y-%m-%d %H:%M')).toBe(utc('2024-01-02T03:04:00Z'));
  });

  it('ignores text after the format, as C strptime does', () => {
    expect(parse('2024-01-02T03:04:05.678Z', '%Y-%m-%dT%H:%M:%S')).toBe(utc('2024-01-02T03:04:05Z'));
  });
});

describe('round-trip laws', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', '+05:30'];
  const instant = fc.double({ min: -2_000_000_000, max: 4_000_000_000, noNaN: true });

  it('strptime(strftime(t, F), F) === floor(t) for formats that carry the offset', () => {
    const formats = ['%Y-%m-%dT%H:%M:%S%z', '%m/%d/%Y %H:%M:%S %:z', '%s', '%a %b %e %H:%M:%S %Y %::z', '%F %T %Ez', '%j %Y %I:%M:%S %p %z'];
    fc.assert(
      fc.property(instant, fc.constantFrom(...formats), fc.constantFrom(...zones), (t, fmt, zoneName) => {
        const zone = getZone(zoneName);
        expect(compileStrptime(fmt)(compileStrftime(fmt)(t, zone), zone)).toBe(Math.floor(t) || 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('without an offset in the text, formatting the parsed time gives back the same text', () => {
    const formats = ['%m/%d/%Y %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%c', '%d %B %Y %k:%M:%S'];
    fc.assert(
      fc.property(instant, fc.constantFrom(...formats), fc.constantFrom(...zones), (t, fmt, zoneName) => {
        const zone = getZone(zoneName);
        const text = compileStrftime(fmt)(t, zone);
        const parsed = compileStrptime(fmt)(text, zone);
        expect(parsed).not.toBeNull();
        expect(compileStrftime(fmt)(parsed!, zone)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('microsecond fractions survive a round trip exactly', () => {
    const fmt = '%Y-%m-%d %H:%M:%S.%6N %z';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000_000 }), fc.constantFrom(...zones), (micros, zoneName) => {
        const zone = getZone(zoneName);
        const t = micros / 1e6;
        expect(compileStrptime(fmt)(compileStrftime(fmt)(t, zone), zone)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });
});
