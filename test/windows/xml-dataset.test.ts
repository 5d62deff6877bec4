// Acceptance: Splunk attack_data's XmlWinEventLog raw file reads as its 40 XML events (skipped without /work/shared).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isXmlReadError, readXmlEvents, type XmlEventRecord, type XmlReadError } from '../../src/input/windows/xml-reader.js';
import { HAS_WINDOWS_DATA, WINDOWS_DATA } from './helpers.js';

const FILE = path.join(WINDOWS_DATA, 'splunk_attack_data/T1552.004_certutil_exe_certificate_extraction.raw.xml');

async function readAll(file: string): Promise<{ records: XmlEventRecord[]; errors: XmlReadError[] }> {
  const records: XmlEventRecord[] = [];
  const errors: XmlReadError[] = [];
  for await (const batch of readXmlEvents(file)) {
    for (const item of batch) {
      if (isXmlReadError(item)) errors.push(item);
      else records.push(item);
    }
  }
  return { records, errors };
}

describe.skipIf(!HAS_WINDOWS_DATA)('T1552.004 certutil XmlWinEventLog raw file', async () => {
  const { records, errors } = HAS_WINDOWS_DATA ? await readAll(FILE) : { records: [], errors: [] };

  it('reads 40 events: 20 Sysmon EventCode=1 and 20 Security EventCode=4688', () => {
    expect(records).toHaveLength(40);
    expect(records.filter((r) => r.fields['EventCode'] === '1')).toHaveLength(20);
    expect(records.filter((r) => r.fields['EventCode'] === '4688')).toHaveLength(20);
    expect(new Set(records.map((r) => r.fields['ComputerName']))).toEqual(new Set(['win-dc-791937.attackrange.local']));
  });

  it('reads the first event (line 1) exactly', () => {
    const first = records[0]!;
    expect(first.line).toBe(1);
    expect(first.fields['CommandLine']).toBe('"C:\\Windows\\system32\\certutil.exe" -p password1234 .\\powershellcert.pfx');
    expect(first.fields['source']).toBe('XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
    expect(first.time).toBeCloseTo(Date.parse('2021-01-14T23:41:40.145Z') / 1000 + 0.0003352, 6);
    expect(first.raw.startsWith('<Event ')).toBe(true);
    expect(first.raw.endsWith('</Event>')).toBe(true);
  });

  it('gives every Sysmon event a _time within a second of its own UtcTime', () => {
    for (const r of records.filter((rec) => rec.fields['EventCode'] === '1')) {
      const utc = Date.parse(`${String(r.fields['UtcTime']).replace(' ', 'T')}Z`) / 1000;
      expect(Math.abs(r.time! - utc)).toBeLessThan(1);
    }
  });

  it('reports the interleaved classic (non-XML) WinEventLog text once, at its first line', () => {
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]!.message).toMatch(/text outside <Event>/);
  });
});
