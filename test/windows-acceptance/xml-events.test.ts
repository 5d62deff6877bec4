// Splunk attack_data's raw XmlWinEventLog file: 40 XML events (20 Sysmon 1, 20 Security 4688) among classic text.
import { describe, expect, it } from 'vitest';
import { splq } from '../helpers/cli.js';
import { dataFile, ndjsonRows, noticeIfNoData, WINDOWS_DATA } from './shared-data.js';

noticeIfNoData('the XmlWinEventLog acceptance tests');

const HOST = 'win-dc-791937.attackrange.local';
const CERTUTIL_P = '"C:\\Windows\\system32\\certutil.exe" -p password1234 .\\powershellcert.pfx';
const RUNDLL = '"C:\\Windows\\system32\\rundll32.exe" cryptext.dll,CryptExtAddPFX C:\\Users\\administrator\\Desktop\\powershellcert.pfx';

describe.skipIf(WINDOWS_DATA === undefined)('splunk_attack_data/*.raw.xml', () => {
  const file = WINDOWS_DATA === undefined ? '' : dataFile('splunk_attack_data', '.raw.xml');

  it('reads 40 events: 20 EventCode=1 and 20 EventCode=4688, all from the one domain controller', async () => {
    const result = await splq(['run', '* | stats count by EventCode ComputerName', '-i', file, '-o', 'ndjson', '-v']);
    expect(ndjsonRows(result)).toEqual([
      { EventCode: '1', ComputerName: HOST, count: 20 },
      { EventCode: '4688', ComputerName: HOST, count: 20 },
    ]);
    expect(result.stderr).toMatch(/events_read=40 /);
    // The classic (non-XML) WinEventLog text between the XML events is reported, not silently dropped.
    expect(result.stderr).toMatch(/\.raw\.xml:2: skipped 1166 line\(s\) of text outside <Event> elements/);
  });

  it('gives each event its CommandLine and its TimeCreated SystemTime as _time (first and last events by hand)', async () => {
    const query = '* | table _time EventCode ComputerName CommandLine EventRecordID';
    const rows = ndjsonRows(await splq(['run', query, '-i', file, '-o', 'ndjson']));
    expect(rows).toHaveLength(40);
    const [first, second] = rows;
    const last = rows[39]!;
    // <TimeCreated SystemTime='2021-01-14T23:41:40.145335200Z'/> = 1610582400 (2021-01-14) + 85300 s + .1453352
    expect(first).toMatchObject({ EventCode: '1', ComputerName: HOST, CommandLine: CERTUTIL_P, EventRecordID: '19683891' });
    expect(first!._time).toBeCloseTo(1610667700.1453352, 6);
    // The matching Security 4688 record, 0.2 s earlier: SystemTime='2021-01-14T23:41:39.938175300Z'
    expect(second).toMatchObject({ EventCode: '4688', ComputerName: HOST, CommandLine: CERTUTIL_P, EventRecordID: '309556' });
    expect(second!._time).toBeCloseTo(1610667699.9381753, 6);
    // Last in the file: SystemTime='2021-01-07T15:12:04.880266100Z' = 1609977600 + 54724 s + .8802661
    expect(last).toMatchObject({ EventCode: '1', ComputerName: HOST, CommandLine: RUNDLL, EventRecordID: '5999763' });
    expect(last._time).toBeCloseTo(1610032324.8802661, 6);
  });
});
