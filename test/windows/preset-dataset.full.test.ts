// The windows preset on the real datasets: format of every file, and one real event per format (needs /work/shared).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectWindowsFormat, type WindowsFormat } from '../../src/input/windows/preset.js';
import { isXmlReadError, readXmlEvents } from '../../src/input/windows/xml-reader.js';
import { HAS_WINDOWS_DATA, WINDOWS_DATA } from './helpers.js';
import { jsonRecords, presetEvent, presetXmlEvent, utcSeconds } from './preset-helpers.js';

/** Expected format by top-level dataset folder (see MANIFEST.tsv). */
const FORMAT_BY_FOLDER: Record<string, WindowsFormat> = {
  dfir_artifact_museum: 'evtx-flat',
  evtx_to_mitre_attack: 'evtx-flat',
  master_covenant_persistwmi: 'mordor',
  otrf_atomic: 'mordor',
  master_empire_persistence_registry_modification_run_keys_standard_user_SUBSET: 'mordor',
  'sd2_190518-WMISubscriptionCreation-Elevated': 'sd2',
};
const NOT_EVENTS = new Set(['MANIFEST.tsv', 'metadata.yaml', 'README.md', 'EXPECTED.tsv', 'EXPECTED.rows.txt']);
const data = (relative: string): string => path.join(WINDOWS_DATA, relative);

function eventFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return eventFiles(full);
    return NOT_EVENTS.has(name) ? [] : [full];
  });
}

function expectedFormat(file: string): WindowsFormat {
  if (file.endsWith('.raw.xml')) return 'xml';
  const folder = path.relative(WINDOWS_DATA, file).split(path.sep)[0]!;
  return folder === 'splunk_attack_data' ? 'mordor' : FORMAT_BY_FOLDER[folder]!;
}

async function firstSample(file: string): Promise<Record<string, unknown>> {
  if (!file.endsWith('.xml')) return jsonRecords(file)[0]!;
  for await (const batch of readXmlEvents(file)) for (const item of batch) if (!isXmlReadError(item)) return item.fields;
  throw new Error(`no event in ${file}`);
}

function find(file: string, test: (r: Record<string, unknown>) => boolean): Record<string, unknown> {
  const record = jsonRecords(data(file)).find(test);
  if (!record) throw new Error(`no matching record in ${file}`);
  return record;
}

describe.skipIf(!HAS_WINDOWS_DATA)('windows preset on the real datasets', () => {
  it('detects the format of every dataset file', async () => {
    const files = eventFiles(WINDOWS_DATA);
    expect(files.length).toBeGreaterThanOrEqual(17);
    for (const file of files) expect([file, detectWindowsFormat(await firstSample(file))]).toEqual([file, expectedFormat(file)]);
  });

  it('SD2.0 WMI 5861: TimeGenerated is the true UTC; TimeCreated is 4 hours off', () => {
    const record = find('sd2_190518-WMISubscriptionCreation-Elevated/WORKSTATION6_Windows_MicrosoftWindowsWMIActivityOperational_2022-09-22T03001327.json', (r) => r['EventID'] === 5861);
    const { event } = presetEvent(record);
    expect(event.toObject()).toMatchObject({
      EventCode: 5861, ComputerName: 'WORKSTATION6.mssentinel.local', dest: 'WORKSTATION6.mssentinel.local',
      sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational', _time: Date.parse('2022-09-22T07:00:05.591Z') / 1000,
    });
    expect(String(event.get('Message'))).toContain('CommandLineEventConsumer="Updater"');
    expect((event.get('_time') as number) - Date.parse(String(record['TimeCreated'])) / 1000).toBe(4 * 3600);
  });

  it('SD2.0 Sysmon: _time agrees with Sysmon\'s own UtcTime', () => {
    const [record] = jsonRecords(data('sd2_190518-WMISubscriptionCreation-Elevated/WORKSTATION6_Windows_MicrosoftWindowsSysmonOperational_2022-09-22T03001313.json'));
    expect(Math.abs((presetEvent(record!).event.get('_time') as number) - utcSeconds(record!['UtcTime']))).toBeLessThan(1);
  });

  it('Mordor covenant 5861: ComputerName and host from Hostname, not the collector host', () => {
    const record = find('master_covenant_persistwmi/covenant_persistwmi_2019-12-05044734.json', (r) => r['EventID'] === 5861);
    const { event } = presetEvent(record);
    expect(event.toObject()).toMatchObject({
      EventCode: 5861, ComputerName: record['Hostname'], dest: record['Hostname'], host: record['Hostname'],
      sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational', _time: Date.parse(String(record['@timestamp'])) / 1000,
    });
    expect(String(event.get('Message'))).toContain('Evil Persistence');
  });

  it('Mordor empire Sysmon 1: _time within seconds of UtcTime while the local EventTime is 4 hours off', () => {
    const record = find('master_empire_persistence_registry_modification_run_keys_standard_user_SUBSET/empire_persistence_registry_modification_run_keys_standard_user_2020-09-04030609_SUBSET_wmi_sysmon1-19-20-21_sec4688.json', (r) => r['EventID'] === 1);
    const time = presetEvent(record).event.get('_time') as number;
    expect(Math.abs(time - utcSeconds(record['UtcTime']))).toBeLessThan(5);
    expect(Math.abs(time - utcSeconds(record['EventTime']))).toBeGreaterThan(3 * 3600);
  });

  it('Splunk attack_data NXLog without @timestamp: _time from EventTime (UTC collector)', () => {
    const record = find('splunk_attack_data/T1047_atomic_red_team_attack_data_SUBSET_no_sysmon10.ndjson', (r) => r['EventID'] === 1);
    const { event } = presetEvent(record);
    expect(event.toObject()).toMatchObject({ EventCode: 1, ComputerName: 'win-dc-6178966.attackrange.local' });
    expect(Math.abs((event.get('_time') as number) - utcSeconds(record['UtcTime']))).toBeLessThan(60);
  });

  it('EVTX flat WMI 5861: EventCode, ComputerName, sourcetype and TimeCreated as UTC', () => {
    const record = find('dfir_artifact_museum/APTSimulatorVM_EventLogs__WMI-Activity_Operational.ndjson', (r) => r['EventID'] === 5861 && String(r['CONSUMER']).includes('KillProcess'));
    const { event } = presetEvent(record);
    expect(event.toObject()).toMatchObject({
      EventCode: 5861, ComputerName: record['Computer'], sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
    });
    expect(event.get('_time')).toBeCloseTo(utcSeconds(record['TimeCreated']), 3);
  });

  it('EVTX flat Sysmon: _time agrees with UtcTime', () => {
    const record = find('evtx_to_mitre_attack/EVTX-to-MITRE-Attack_wmi_related.ndjson', (r) => r['EventID'] === 1);
    expect(Math.abs((presetEvent(record).event.get('_time') as number) - utcSeconds(record['UtcTime']))).toBeLessThan(1);
  });

  it('XmlWinEventLog: sourcetype XmlWinEventLog, dest from Computer, _time from SystemTime', async () => {
    const { event } = await presetXmlEvent(data('splunk_attack_data/T1552.004_certutil_exe_certificate_extraction.raw.xml'));
    expect(event.toObject()).toMatchObject({
      EventCode: '1', ComputerName: 'win-dc-791937.attackrange.local', dest: 'win-dc-791937.attackrange.local',
      sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    });
    expect(Math.abs((event.get('_time') as number) - utcSeconds(event.get('UtcTime')))).toBeLessThan(1);
  });
});
