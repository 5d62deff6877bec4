// The windows preset on self-made records of every format: detection, mapped fields, Winlogbeat lifting, _time.
import { describe, expect, it } from 'vitest';
import { compileFieldMapping } from '../../src/input/mapping/aliases.js';
import { detectWindowsFormat, windowsPresetMapping } from '../../src/input/windows/preset.js';
import { Event } from '../../src/runtime/event.js';
import { presetEvent } from './preset-helpers.js';

const MORDOR = {
  '@timestamp': '2020-09-04T07:06:22.432Z', EventTime: '2020-09-04 03:06:21', host: 'wec.internal.cloudapp.net',
  Hostname: 'MORDORDC.theshire.local', EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational',
  Message: 'Process Create:', SourceModuleType: 'im_msvistalog',
};
const SD2 = {
  Computer: 'WORKSTATION6.mssentinel.local', Channel: 'Microsoft-Windows-WMI-Activity/Operational', EventID: 5861,
  TimeCreated: '2022-09-22T03:00:05.591Z', TimeGenerated: '2022-09-22T07:00:05.591Z', Message: 'Consumer = X',
};
const EVTX_FLAT = {
  Computer: 'WIN-28GFHAGEV4P', Channel: 'Microsoft-Windows-WMI-Activity/Operational', EventID: 5861,
  TimeCreated: '2022-02-05 22:17:47.199642', CONSUMER: 'NTEventLogEventConsumer="SCM Event Log Consumer"',
  _raw: '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"></Event>',
};
const WINLOGBEAT = {
  '@timestamp': '2023-05-01T10:00:00.123Z', message: 'Process Create:', host: { name: 'ws1' },
  winlog: {
    channel: 'Microsoft-Windows-Sysmon/Operational', computer_name: 'WS1.corp.local', event_id: '1',
    provider_name: 'Microsoft-Windows-Sysmon', record_id: 42,
    event_data: { CommandLine: 'cmd.exe /c whoami', Image: 'C:\\Windows\\System32\\cmd.exe' },
  },
};
const WINLOGBEAT_6 = {
  '@timestamp': '2018-05-01T10:00:00Z', computer_name: 'DC1', log_name: 'Security', event_id: 4688,
  source_name: 'Microsoft-Windows-Security-Auditing', message: 'A new process has been created.',
  event_data: { NewProcessName: 'C:\\a.exe', Image: 'kept' }, Image: 'top-level wins',
};

describe('detectWindowsFormat', () => {
  it('recognises each format from one record', () => {
    expect(detectWindowsFormat(MORDOR)).toBe('mordor');
    expect(detectWindowsFormat(SD2)).toBe('sd2');
    expect(detectWindowsFormat(EVTX_FLAT)).toBe('evtx-flat');
    expect(detectWindowsFormat(WINLOGBEAT)).toBe('winlogbeat');
    expect(detectWindowsFormat(WINLOGBEAT_6)).toBe('winlogbeat');
    expect(detectWindowsFormat({ 'winlog.event_id': '1' })).toBe('winlogbeat');
    expect(detectWindowsFormat({ sourcetype: 'XmlWinEventLog', SystemTime: '2021-01-14T23:41:39Z' })).toBe('xml');
    expect(detectWindowsFormat({ EventCode: 4688, ComputerName: 'x' })).toBe('unknown');
  });
});

describe('windowsPresetMapping', () => {
  it('Mordor: EventCode, ComputerName, dest and host from Hostname (not the collector host), _time from @timestamp', () => {
    const { event, mapping } = presetEvent(MORDOR);
    expect(mapping.timeField).toBe('@timestamp');
    expect(event.toObject()).toMatchObject({
      EventCode: 1, ComputerName: 'MORDORDC.theshire.local', dest: 'MORDORDC.theshire.local', host: 'MORDORDC.theshire.local',
      sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      _time: Date.parse('2020-09-04T07:06:22.432Z') / 1000,
    });
  });

  it('SD2.0: _time from TimeGenerated, not the mislabelled local TimeCreated', () => {
    const { event, mapping } = presetEvent(SD2);
    expect(mapping.timeField).toBe('TimeGenerated');
    expect(event.get('_time')).toBe(Date.parse('2022-09-22T07:00:05.591Z') / 1000);
    expect(event.toObject()).toMatchObject({ EventCode: 5861, ComputerName: 'WORKSTATION6.mssentinel.local', Message: 'Consumer = X' });
  });

  it('EVTX flat: zone-less TimeCreated read as UTC whatever the local zone', () => {
    const { event, mapping } = presetEvent(EVTX_FLAT);
    expect(mapping).toMatchObject({ timeField: 'TimeCreated', timeZone: 'UTC' });
    expect(event.get('_time')).toBeCloseTo(Date.UTC(2022, 1, 5, 22, 17, 47, 199) / 1000 + 0.000642, 6);
    expect(event.get('sourcetype')).toBe('WinEventLog:Microsoft-Windows-WMI-Activity/Operational');
    expect(event.get('dest')).toBe('WIN-28GFHAGEV4P');
  });

  it('Winlogbeat: winlog.* and message mapped, event_data lifted to top-level names', () => {
    const { event } = presetEvent(WINLOGBEAT);
    expect(event.toObject()).toMatchObject({
      EventCode: '1', ComputerName: 'WS1.corp.local', dest: 'WS1.corp.local', Message: 'Process Create:',
      Channel: 'Microsoft-Windows-Sysmon/Operational', SourceName: 'Microsoft-Windows-Sysmon', RecordNumber: 42,
      CommandLine: 'cmd.exe /c whoami', Image: 'C:\\Windows\\System32\\cmd.exe',
      sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', host: 'WS1.corp.local',
      _time: Date.parse('2023-05-01T10:00:00.123Z') / 1000,
    });
  });

  it('Winlogbeat 6.x: legacy names, and lifting never overwrites a top-level field', () => {
    const { event } = presetEvent(WINLOGBEAT_6);
    expect(event.toObject()).toMatchObject({
      EventCode: 4688, ComputerName: 'DC1', Message: 'A new process has been created.', NewProcessName: 'C:\\a.exe',
      Image: 'top-level wins', sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Security', eventtype: 'wineventlog_security', host: 'DC1',
    });
  });

  it('never overwrites fields the event already has (aliases are ASNEW)', () => {
    const { event } = presetEvent({ ...MORDOR, EventCode: 99, ComputerName: 'given' });
    expect(event.get('EventCode')).toBe(99);
    expect(event.get('ComputerName')).toBe('given');
  });

  it('derive fills _time from the fallback field only when the decoder set none', () => {
    const { EventTime, Hostname, EventID, SourceModuleType } = MORDOR;
    const noTimestamp = { EventTime, Hostname, EventID, SourceModuleType };
    expect(presetEvent(noTimestamp).event.get('_time')).toBe(Date.UTC(2020, 8, 4, 3, 6, 21) / 1000);
    const decoded = Event.fromObject({ ...noTimestamp, _time: 5 });
    windowsPresetMapping('mordor').derive(decoded);
    expect(decoded.get('_time')).toBe(5);
  });

  it('unknown format: generic aliases, and compiles lazily for needed fields', () => {
    const mapping = windowsPresetMapping('unknown');
    const event = Event.fromObject({ EventID: 7, computer_name: 'c1', Channel: 'System' });
    mapping.derive(event);
    compileFieldMapping(mapping.spec, new Set(['EventCode']))(event, {});
    expect(event.toObject()).toEqual({ EventID: 7, computer_name: 'c1', Channel: 'System', EventCode: 7,
      source: 'XmlWinEventLog:System', sourcetype: 'XmlWinEventLog', eventtype: 'wineventlog_system', host: 'c1' });
  });

  // Issue 16 point 8: ESCU's `sysmon` macro is `sourcetype=XmlWinEventLog:...Sysmon/Operational OR
  // source=XmlWinEventLog:...Sysmon/Operational`; its `wmi` macro still wants the pre-5.0 sourcetype.
  it('names channels as the add-on does, checked against the corpus macros, in every format', () => {
    const meta = (record: Record<string, unknown>) => {
      const o = presetEvent(record).event.toObject();
      return { source: o.source, sourcetype: o.sourcetype, eventtype: o.eventtype, host: o.host };
    };
    expect(meta(MORDOR)).toEqual({ source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', sourcetype: 'XmlWinEventLog', eventtype: undefined, host: 'MORDORDC.theshire.local' });
    expect(meta(EVTX_FLAT)).toEqual({ source: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational', sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational', eventtype: undefined, host: 'WIN-28GFHAGEV4P' });
    expect(meta({ ...SD2, Channel: 'Security', EventID: 4688 })).toMatchObject({ source: 'XmlWinEventLog:Security', sourcetype: 'XmlWinEventLog', eventtype: 'wineventlog_security' });
    expect(meta({ ...SD2, Channel: 'Microsoft-Windows-Windows Defender/Operational' })).toMatchObject({ source: 'WinEventLog:Microsoft-Windows-Windows Defender/Operational', sourcetype: 'XmlWinEventLog' });
    expect(meta({ ...SD2, Channel: 'Microsoft-Windows-PrintService/Admin' })).toMatchObject({ source: 'WinEventLog:Microsoft-Windows-PrintService/Admin', sourcetype: 'WinEventLog' });
  });

  // Issue 16 point 9: EVTX-flat exports carry no rendered Message; the WMI detections `rex field=Message`.
  it('renders Message for WMI-Activity 5861 and 5860 from the event fields, as Windows does', () => {
    const binding = presetEvent({ ...EVTX_FLAT, Namespace: '//./root/subscription', ESS: 'KillProcess', CONSUMER: 'CommandLineEventConsumer="KillProcess"', PossibleCause: 'Binding EventFilter: x' }).event;
    expect(binding.get('Message')).toBe('Namespace = //./root/subscription; Eventfilter = KillProcess (refer to its activate eventid:5859); Consumer = CommandLineEventConsumer="KillProcess"; PossibleCause = Binding EventFilter: x');
    const temporary = presetEvent({ ...EVTX_FLAT, EventID: 5860, NamespaceName: 'ROOT\\CIMV2', Query: 'SELECT * FROM X', User: 'S-1-5-18', Processid: '1016', ClientMachine: 'WIN-1', PossibleCause: 'Temporary' }).event;
    expect(temporary.get('Message')).toBe('Namespace = ROOT\\CIMV2; NotificationQuery = SELECT * FROM X; UserName = S-1-5-18; ClientProcessID = 1016, ClientMachine = WIN-1; PossibleCause = Temporary');
    // A rendered Message (SD2, Mordor) is kept; other ids and channels get none.
    expect(presetEvent(SD2).event.get('Message')).toBe('Consumer = X');
    expect(presetEvent({ ...EVTX_FLAT, EventID: 5857 }).event.has('Message')).toBe(false);
  });
});
