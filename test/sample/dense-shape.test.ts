// Tests of the bench's dense data shape: literal density, shuffled keys, re-cased and decoy sourcetypes, determinism.
import { describe, expect, it } from 'vitest';
import { DECOY_WMI_SOURCETYPES, generateDenseEvents } from '../../src/sample/dense-shape.js';
import { generateWindowsEvents } from '../../src/sample/windows-events.js';

const COUNT = 4000;
const lines = [...generateDenseEvents({ seed: 7, count: COUNT })].map((event) => JSON.stringify(event));
const WMI = 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational';

describe('generateDenseEvents', () => {
  it('puts the reference literal Binding in 5-10% of lines (the default fleet: under 2.5%)', () => {
    const share = lines.filter((line) => line.includes('Binding')).length / COUNT;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.1);
    const defaultShare = [...generateWindowsEvents({ seed: 7, count: COUNT })].filter((event) => JSON.stringify(event).includes('Binding')).length / COUNT;
    expect(defaultShare).toBeLessThan(0.025);
  });

  it('shuffles key order, so that lines do not all start with the same key', () => {
    const firstKeys = new Set(lines.map((line) => Object.keys(JSON.parse(line) as object)[0]));
    expect(firstKeys.size).toBeGreaterThan(10);
  });

  it('writes sourcetypes in other letter cases and gives some WMI events a decoy sourcetype', () => {
    const sourcetypes = lines.map((line) => (JSON.parse(line) as { sourcetype: string }).sourcetype);
    const recasedWmi = sourcetypes.filter((st) => st !== WMI && st.toLowerCase() === WMI.toLowerCase());
    expect(recasedWmi.length).toBeGreaterThan(0);
    expect(sourcetypes.filter((st) => st === WMI).length).toBeGreaterThan(recasedWmi.length);
    for (const decoy of DECOY_WMI_SOURCETYPES) expect(sourcetypes).toContain(decoy);
  });

  it('is deterministic per seed', () => {
    const again = [...generateDenseEvents({ seed: 7, count: 50 })].map((event) => JSON.stringify(event));
    expect(again).toEqual(lines.slice(0, 50));
  });
});
