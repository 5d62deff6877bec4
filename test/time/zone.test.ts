// Tests for time zones: fixed offsets, IANA offsets and abbreviations across DST, wall-clock resolution.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { localTimeAt } from '../../src/time/local-time.js';
import { getZone } from '../../src/time/zone.js';

const utcMs = (iso: string): number => Date.parse(iso);

/** The offset straight from Intl (longOffset text like GMT+10:30), bypassing the zone's cache. */
function intlOffsetMinutes(zone: string, epochMs: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs).find((p) => p.type === 'timeZoneName')!.value;
  const match = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(part)!;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

describe('getZone', () => {
  it('knows UTC and its aliases', () => {
    for (const name of ['UTC', 'utc', 'GMT', 'Etc/UTC', 'Z']) {
      const zone = getZone(name);
      expect(zone.name).toBe('UTC');
      expect(zone.offsetMinutes(utcMs('2024-07-01T00:00:00Z'))).toBe(0);
      expect(zone.abbreviation(0)).toBe('UTC');
    }
  });

  it('parses fixed offsets', () => {
    expect(getZone('+05:30').offsetMinutes(0)).toBe(330);
    expect(getZone('+05:30').abbreviation(0)).toBe('+0530');
    expect(getZone('-0800').name).toBe('-08:00');
    expect(getZone('-0800').offsetMinutes(1e12)).toBe(-480);
    expect(getZone('+09').abbreviation(0)).toBe('+09');
    expect(getZone('+05:30').localToEpochMs(2024, 1, 1, 5, 30, 0, 0)).toBe(utcMs('2024-01-01T00:00:00Z'));
  });

  it('returns the same instance for the same name', () => {
    expect(getZone('Europe/Berlin')).toBe(getZone('Europe/Berlin'));
  });

  it('canonicalizes IANA names', () => {
    expect(getZone('america/new_york').name).toBe('America/New_York');
  });

  it('rejects unknown zones with bad-option and a suggestion', () => {
    let error: unknown;
    try {
      getZone('America/New_Yrok');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SplError);
    expect((error as SplError).code).toBe('bad-option');
    expect((error as SplError).message).toContain('America/New_Yrok');
    expect((error as SplError).hints.join(' ')).toContain('America/New_York');
    expect(() => getZone('+25:00')).toThrow(SplError);
  });
});

describe('offsets and abbreviations across DST', () => {
  const cases: Array<[string, string, number, string]> = [
    ['America/New_York', '2024-03-10T06:59:59Z', -300, 'EST'],
    ['America/New_York', '2024-03-10T07:00:00Z', -240, 'EDT'],
    ['America/New_York', '2024-11-03T05:59:59Z', -240, 'EDT'],
    ['America/New_York', '2024-11-03T06:00:00Z', -300, 'EST'],
    ['Europe/Berlin', '2024-03-31T00:59:59Z', 60, 'CET'],
    ['Europe/Berlin', '2024-03-31T01:00:00Z', 120, 'CEST'],
    ['Europe/Berlin', '2024-10-27T00:59:59Z', 120, 'CEST'],
    ['Europe/Berlin', '2024-10-27T01:00:00Z', 60, 'CET'],
    ['Australia/Lord_Howe', '2024-04-06T14:59:59Z', 660, '+11'],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z', 630, '+1030'],
    ['Australia/Lord_Howe', '2024-10-05T15:29:59Z', 630, '+1030'],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z', 660, '+11'],
    ['Asia/Kolkata', '2024-01-15T00:00:00Z', 330, 'IST'],
    ['Asia/Kolkata', '2024-07-15T00:00:00Z', 330, 'IST'],
    ['Europe/London', '2024-07-15T00:00:00Z', 60, 'BST'],
    ['Europe/London', '2024-01-15T00:00:00Z', 0, 'GMT'],
  ];
  it.each(cases)('%s at %s is %d (%s)', (name, iso, offset, abbreviation) => {
    const zone = getZone(name);
    expect(zone.offsetMinutes(utcMs(iso))).toBe(offset);
    expect(zone.abbreviation(utcMs(iso))).toBe(abbreviation);
  });

  it('finds a transition in the middle of a UTC hour (Lord Howe, 15:30Z) whichever side is asked first', () => {
    const zone = getZone('Australia/Lord_Howe');
    expect(zone.offsetMinutes(utcMs('2024-10-05T15:45:00Z'))).toBe(660);
    expect(zone.offsetMinutes(utcMs('2024-10-05T15:15:00Z'))).toBe(630);
  });

  it('agrees with Intl at arbitrary instants (cache law)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns'];
    const transitions = cases.map(([, iso]) => utcMs(iso) / 1000);
    const nearTransition = fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -7200, max: 7200 }))
      .map(([t, delta]) => t + delta);
    const anyInstant = fc.integer({ min: -2_208_988_800, max: 4_102_444_800 });
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(anyInstant, nearTransition), (name, seconds) => {
        expect(getZone(name).offsetMinutes(seconds * 1000)).toBe(intlOffsetMinutes(name, seconds * 1000));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('localToEpochMs', () => {
  const cases: Array<[string, number[], string]> = [
    // Gaps: shifted forward by the gap length.
    ['America/New_York', [2024, 3, 10, 2, 30], '2024-03-10T07:30:00Z'],
    ['Europe/Berlin', [2024, 3, 31, 2, 30], '2024-03-31T01:30:00Z'],
    ['Australia/Lord_Howe', [2024, 10, 6, 2, 15], '2024-10-05T15:45:00Z'],
    // Ambiguous (repeated) times: the earlier instant.
    ['America/New_York', [2024, 11, 3, 1, 30], '2024-11-03T05:30:00Z'],
    ['Europe/Berlin', [2024, 10, 27, 2, 30], '2024-10-27T00:30:00Z'],
    ['Australia/Lord_Howe', [2024, 4, 7, 1, 45], '2024-04-06T14:45:00Z'],
    // Ordinary times.
    ['America/New_York', [2024, 7, 4, 12, 0], '2024-07-04T16:00:00Z'],
    ['Asia/Kolkata', [2024, 1, 1, 0, 0], '2023-12-31T18:30:00Z'],
  ];
  it.each(cases)('%s %j → %s', (name, [y, mo, d, h, mi], iso) => {
    expect(getZone(name).localToEpochMs(y!, mo!, d!, h!, mi!, 0, 0)).toBe(utcMs(iso));
  });

  it('normalizes overflowing fields', () => {
    expect(getZone('UTC').localToEpochMs(2024, 13, 32, 0, 0, 0, 0)).toBe(utcMs('2025-02-01T00:00:00Z'));
    expect(getZone('UTC').localToEpochMs(2024, 3, 0, 0, 0, 0, 0)).toBe(utcMs('2024-02-29T00:00:00Z'));
  });

  it('round-trips the wall clock of any instant, choosing the earlier one when ambiguous (law)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 4_102_444_800 }), (name, seconds) => {
        const zone = getZone(name);
        const t = localTimeAt(seconds, zone.offsetMinutes(seconds * 1000));
        const back = zone.localToEpochMs(t.year, t.month, t.day, t.hour, t.minute, t.second, 0) / 1000;
        expect(back).toBeLessThanOrEqual(seconds);
        const u = localTimeAt(back, zone.offsetMinutes(back * 1000));
        expect([u.year, u.month, u.day, u.hour, u.minute, u.second]).toEqual([t.year, t.month, t.day, t.hour, t.minute, t.second]);
      }),
      { numRuns: 2000 },
    );
  });
});
