// Tests of the bench's real shape: recordings repeated with shifted times, and the conversion through the windows preset.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRealEvents, repeatedEvents } from '../../bench/real-shape.js';

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'datasets', 'windows', 'master_covenant_persistwmi');

describe('repeatedEvents', () => {
  const events = [{ _time: 100.25, a: 1 }, { _time: 160.5, a: 2 }];

  it('repeats the events to the count asked, each copy later than the one before, milliseconds kept', () => {
    const out = [...repeatedEvents(events, 5)];
    expect(out.map((e) => e.a)).toEqual([1, 2, 1, 2, 1]);
    const span = 61 + 86_400;
    expect(out.map((e) => e._time)).toEqual([100.25, 160.5, 100.25 + span, 160.5 + span, 100.25 + 2 * span]);
    expect(new Set(out.map((e) => e._time)).size).toBe(5);
  });

  it('gives nothing for no recordings', () => {
    expect([...repeatedEvents([], 10)]).toEqual([]);
  });
});

describe('readRealEvents', () => {
  it.skipIf(!existsSync(SHARED))('maps the recordings with the windows preset: sourcetype, EventCode, ComputerName, numeric _time', async () => {
    const { events } = await readRealEvents(SHARED);
    expect(events.length).toBeGreaterThan(900);
    const binding = events.find((e) => e.EventCode === 5861 || e.EventCode === '5861');
    expect(binding).toMatchObject({ sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational' });
    expect(typeof binding!._time).toBe('number');
    expect(binding!.ComputerName).toBeDefined();
    expect(events.every((e) => !('_raw' in e))).toBe(true);
  });
  if (!existsSync(SHARED)) console.log(`notice: ${SHARED} is absent; the conversion test is skipped`);
});
