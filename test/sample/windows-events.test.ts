// Tests of the deterministic Windows event generator: determinism, shape, mix and size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, generateWindowsEvents, type GeneratedEvent } from '../../src/sample/windows-events.js';
import { fuzzRuns } from '../helpers/tier.js';

const SOURCETYPE_BY_CODE: Record<number, string> = {
  1: 'WinEventLog:Microsoft-Windows-Sysmon/Operational',
  3: 'WinEventLog:Microsoft-Windows-Sysmon/Operational',
  11: 'WinEventLog:Microsoft-Windows-Sysmon/Operational',
  4624: 'WinEventLog:Security',
  4688: 'WinEventLog:Security',
  5857: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  5858: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  5859: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  5860: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  5861: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
};
const REQUIRED_FIELDS = ['_time', 'sourcetype', 'source', 'host', 'EventCode', 'ComputerName', 'Message', 'LogName'];
const CONSUMER_REX = /Consumer =\s+(?<consumer>[^;|^$]+)/;

function sample(seed: number, count: number, hosts?: number): GeneratedEvent[] {
  return [...generateWindowsEvents({ seed, count, hosts })];
}

const large = sample(42, 20_000);

describe('generateWindowsEvents', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    expect(JSON.stringify(sample(7, 2000))).toBe(JSON.stringify(sample(7, 2000)));
    expect(JSON.stringify(sample(8, 2000))).not.toBe(JSON.stringify(sample(7, 2000)));
  });

  it('is deterministic, exact in count and strictly increasing in time for any seed (law)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 300 }), (seed, count) => {
        const first = sample(seed, count, 20);
        expect(first).toHaveLength(count);
        expect(JSON.stringify(sample(seed, count, 20))).toBe(JSON.stringify(first));
        for (let i = 1; i < first.length; i++) expect(first[i]!._time as number).toBeGreaterThan(first[i - 1]!._time as number);
      }),
      { numRuns: fuzzRuns(10, 40) },
    );
  });

  it('starts at startTime and uses fractional epoch seconds', () => {
    const events = sample(3, 500);
    const custom = [...generateWindowsEvents({ seed: 3, count: 5, startTime: 1_600_000_000 })];
    expect(custom[0]!._time).toBeGreaterThan(1_600_000_000);
    expect(custom[0]!._time).toBeLessThan(1_600_000_001);
    expect(events.some((event) => !Number.isInteger(event._time))).toBe(true);
  });

  it('gives every event the required fields with a sourcetype matching its EventCode', () => {
    // One expect over the list of faults (an expect per field of 20,000 events takes seconds).
    const faults = large.flatMap((event, i) => [
      ...REQUIRED_FIELDS.filter((field) => event[field] === undefined).map((field) => `event ${i}: no ${field}`),
      ...(event.sourcetype === SOURCETYPE_BY_CODE[event.EventCode as number] ? [] : [`event ${i}: sourcetype ${String(event.sourcetype)} for EventCode ${String(event.EventCode)}`]),
      ...(event.source === event.sourcetype ? [] : [`event ${i}: source ${String(event.source)} is not the sourcetype`]),
      ...(String(event.ComputerName).startsWith(`${String(event.host)}.`) ? [] : [`event ${i}: ComputerName ${String(event.ComputerName)} not under host ${String(event.host)}`]),
      ...(String(event.Message).length > 50 ? [] : [`event ${i}: Message of ${String(event.Message).length} characters`]),
    ]);
    expect(faults.slice(0, 10)).toEqual([]);
  });

  it('adds the per-type fields of Sysmon and Security events', () => {
    const sysmon = large.filter((event) => [1, 3, 11].includes(event.EventCode as number));
    expect(sysmon.every((event) => /^\{[0-9A-F-]{36}\}$/.test(String(event.ProcessGuid)) && typeof event.Image === 'string')).toBe(true);
    expect(large.filter((event) => event.EventCode === 4688).every((event) => typeof event.NewProcessName === 'string')).toBe(true);
    expect(large.filter((event) => event.EventCode === 4624).every((event) => typeof event.TargetLogonId === 'string')).toBe(true);
  });

  it('follows the profile mix within one percentage point', () => {
    const total = DEFAULT_PROFILE.mix.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [kind, weight] of DEFAULT_PROFILE.mix) {
      const code = Number(kind.split('-')[1]);
      const share = large.filter((event) => event.EventCode === code).length / large.length;
      expect(Math.abs(share - weight / total), kind).toBeLessThan(0.01);
    }
  });

  it('spreads events over ~200 hosts by default and over the requested number otherwise', () => {
    expect(new Set(large.map((event) => event.host)).size).toBe(200);
    expect(new Set(sample(1, 2000, 5).map((event) => event.host)).size).toBe(5);
  });

  it('rejects a fleet without hosts', () => {
    expect(() => sample(1, 1, 0)).toThrow(RangeError);
  });

  it('averages between 0.7 and 1.5 KB per NDJSON line', () => {
    const bytes = large.reduce((sum, event) => sum + Buffer.byteLength(JSON.stringify(event)) + 1, 0);
    const average = bytes / large.length;
    expect(average).toBeGreaterThan(700);
    expect(average).toBeLessThan(1500);
  });

  it('writes 5861 bindings in the real multi-line format, mostly with the benign SCM consumer', () => {
    const bindings = large.filter((event) => event.EventCode === 5861);
    const consumers = bindings.map((event) => CONSUMER_REX.exec(String(event.Message))?.groups?.consumer);
    expect(bindings.every((event) => /PossibleCause = Binding EventFilter: \r\ninstance of __EventFilter\r\n\{\r\n\t/.test(String(event.Message)))).toBe(true);
    const scm = consumers.filter((consumer) => consumer === 'NTEventLogEventConsumer="SCM Event Log Consumer"').length;
    expect(scm / bindings.length).toBeGreaterThan(0.8);
    expect(consumers.some((consumer) => consumer?.startsWith('CommandLineEventConsumer="'))).toBe(true);
    expect(consumers.some((consumer) => consumer?.startsWith('ActiveScriptEventConsumer="'))).toBe(true);
  });
});
