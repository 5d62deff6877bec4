// A subsearch in a tstats where clause: its rows become search terms on dataset fields (as in ESCU's suspicious_linux_discovery_commands).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { SplError } from '../../src/errors.js';

const NOW = 1700000000;
const sysmon1 = (image: string, commandLine: string, host: string) => ({
  _time: NOW, sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 1, Computer: host, User: 'CORP\\ann', Image: image, CommandLine: commandLine,
});
const EVENTS = [
  sysmon1('C:\\Windows\\System32\\whoami.exe', 'whoami /all', 'wks1'),
  sysmon1('C:\\Windows\\System32\\net.exe', 'net user', 'wks1'),
  sysmon1('C:\\Windows\\System32\\net.exe', 'net user', 'wks2'),
  sysmon1('C:\\Windows\\notepad.exe', 'notepad', 'wks2'),
];

const run = (spl: string) => compile(spl, { now: NOW }).runSync(EVENTS).map((ev) => Object.fromEntries(ev.names().map((n) => [n, ev.get(n)])));

describe('tstats where [subsearch]', () => {
  it('the rows (renamed to Processes.process) select the dataset events whose process is one of them', () => {
    const spl = '| tstats count from datamodel=Endpoint.Processes where [| makeresults count=2 | streamstats count as n | eval Processes.process=if(n=1, "whoami /all", "net user") | table Processes.process] by Processes.dest';
    expect(run(spl)).toEqual([{ 'Processes.dest': 'wks1', count: 2 }, { 'Processes.dest': 'wks2', count: 1 }]);
  });

  it('ANDs with the rest of the clause, and a subsearch without rows matches nothing (Splunk writes NOT ())', () => {
    const base = '| tstats count from datamodel=Endpoint.Processes where Processes.dest=wks2 [| makeresults | eval Processes.process="net user" | table Processes.process] by Processes.dest';
    expect(run(base)).toEqual([{ 'Processes.dest': 'wks2', count: 1 }]);
    expect(run('| tstats count from datamodel=Endpoint.Processes where [| makeresults | where 1=2 | table x] by Processes.dest')).toEqual([]);
  });

  it('a subsearch over the events is not supported yet, and says so', () => {
    try {
      compile('| tstats count from datamodel=Endpoint.Processes where [search EventCode=1 | table Computer]', { now: NOW });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SplError);
      expect((e as SplError).code).toBe('unsupported-command');
      expect((e as SplError).message).toContain('subsearch in where must generate its rows');
    }
  });
});
