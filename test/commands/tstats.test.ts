// tstats: the documented semantics (names, AS, fillnull_value, span, nodename), the Sysmon/Security mappings, and errors.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';
import type { FieldValue } from '../../src/runtime/event.js';
import { splq, tempFiles } from '../helpers/cli.js';

const NOW = 1700000000;
type Plain = Record<string, FieldValue>;
const run = (q: string, events: Plain[], opts: { datamodelMaps?: string[] } = {}) =>
  compile(q, { now: NOW, ...opts }).runSync(events).map((e) => e.toObject());

function compileError(q: string): SplError {
  try {
    compile(q, { now: NOW });
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected "${q}" to fail`);
}

const SYSMON = 'WinEventLog:Microsoft-Windows-Sysmon/Operational';
const sysmon1 = (over: Plain = {}): Plain => ({
  sourcetype: SYSMON, EventCode: 1, Computer: 'ws1.corp', User: 'CORP\\alice', Image: 'C:\\Windows\\System32\\cmd.exe',
  CommandLine: 'cmd.exe /c whoami', ProcessId: '4242', ProcessGuid: '{g-1}', ParentImage: 'C:\\Windows\\explorer.exe',
  ParentCommandLine: 'C:\\Windows\\Explorer.EXE', ParentProcessId: '1000', OriginalFileName: 'Cmd.Exe', IntegrityLevel: 'High',
  _time: NOW - 60, ...over,
});
const security4688 = (over: Plain = {}): Plain => ({
  sourcetype: 'WinEventLog:Security', EventCode: 4688, Computer: 'ws1.corp', SubjectUserName: 'alice', TargetUserName: '-',
  NewProcessName: 'C:\\Program Files\\Tool Dir\\tool.exe', CommandLine: 'tool.exe /x', NewProcessId: '0x10a8', ProcessId: '0x3e8',
  ParentProcessName: 'C:\\Windows\\System32\\cmd.exe', _time: NOW - 30, ...over,
});

// [TSTATS] https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tstats (spec tstats-cim.md 4.1-4.7)
describe('tstats semantics from the Search Reference', () => {
  it('output keeps the dataset prefix on by-fields; functions are named as in stats unless renamed with AS', () => {
    const rows = run('| tstats count values(Processes.user) min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest', [sysmon1()]);
    expect(rows).toEqual([{ 'Processes.dest': 'ws1.corp', count: 1, 'values(Processes.user)': 'CORP\\alice', firstTime: NOW - 60 }]);
  });

  it('fillnull_value: without it, events with a null by-field are omitted; with it, the field takes that string', () => {
    const events = [sysmon1(), security4688()];
    // 4688 has no process_guid: its row needs fillnull_value.
    expect(run('| tstats count from datamodel=Endpoint.Processes by Processes.process_guid', events)).toEqual([{ 'Processes.process_guid': '{g-1}', count: 1 }]);
    expect(run('| tstats fillnull_value=null count from datamodel=Endpoint.Processes by Processes.process_guid', events)).toEqual([
      { 'Processes.process_guid': 'null', count: 1 },
      { 'Processes.process_guid': '{g-1}', count: 1 },
    ]);
  });

  it('by _time span=1h groups on _time floored to the hour', () => {
    const hour = 3600 * Math.floor(NOW / 3600);
    const events = [sysmon1({ _time: hour + 5 }), sysmon1({ _time: hour + 3500 }), sysmon1({ _time: hour + 3600 })];
    expect(run('| tstats count from datamodel=Endpoint.Processes by _time span=1h', events)).toEqual([
      { _time: hour, count: 2 },
      { _time: hour + 3600, count: 1 },
    ]);
  });

  it('nodename restricts to a child dataset; fields keep the root prefix', () => {
    const auth = (action: string, user: string): Plain => ({ tag: 'authentication', action, user, src: '10.0.0.1' });
    const events = [auth('failure', 'a'), auth('failure', 'b'), auth('success', 'c')];
    expect(run('| tstats count from datamodel=Authentication where nodename=Authentication.Failed_Authentication by Authentication.user', events)).toEqual([
      { 'Authentication.user': 'a', count: 1 },
      { 'Authentication.user': 'b', count: 1 },
    ]);
    expect(run('| tstats count from datamodel=Authentication.Authentication by Authentication.action', events)).toEqual([
      { 'Authentication.action': 'failure', count: 2 },
      { 'Authentication.action': 'success', count: 1 },
    ]);
  });

  it('summariesonly, allow_old_summaries, local, chunk_size are accepted (everything counts as summarised offline)', () => {
    const rows = run('| tstats summariesonly=true allow_old_summaries=true local=false chunk_size=1000 count from datamodel=Endpoint.Processes', [sysmon1()]);
    expect(rows).toEqual([{ count: 1 }]);
  });

  it('where values compare case-insensitively, as in search; a field the model does not define matches nothing', () => {
    const events = [sysmon1()];
    expect(run('| tstats count from datamodel=Endpoint.Processes where Processes.original_file_name=CMD.EXE', events)).toEqual([{ count: 1 }]);
    expect(run('| tstats count from datamodel=Endpoint.Processes where Processes.path=*', events)).toEqual([{ count: 0 }]);
    expect(run('| tstats count from datamodel=Endpoint.Processes where "Processes.process_name"="CMD.exe"', events)).toEqual([{ count: 1 }]);
  });
});

describe('CIM calculations and the shipped mappings', () => {
  it('Sysmon 1 → Processes: basename, raw user, lower-cased integrity level, dest from Computer', () => {
    const rows = run('| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.parent_process_name Processes.user Processes.dest Processes.process_integrity_level Processes.original_file_name', [sysmon1()]);
    expect(rows).toEqual([{
      'Processes.process_name': 'cmd.exe', 'Processes.parent_process_name': 'explorer.exe', 'Processes.user': 'CORP\\alice',
      'Processes.dest': 'ws1.corp', 'Processes.process_integrity_level': 'high', 'Processes.original_file_name': 'Cmd.Exe', count: 1,
    }]);
  });

  it('4688 → Processes: process from NewProcessName (quoted: it has a space) and the arguments; user falls back to SubjectUserName', () => {
    const rows = run('| tstats count from datamodel=Endpoint.Processes by Processes.process Processes.user Processes.process_id Processes.parent_process Processes.original_file_name', [security4688()]);
    expect(rows).toEqual([{
      'Processes.process': '"C:\\Program Files\\Tool Dir\\tool.exe" /x', 'Processes.user': 'alice', 'Processes.process_id': '0x10a8',
      'Processes.parent_process': 'unknown', 'Processes.original_file_name': 'unknown', count: 1,
    }]);
    const bare = run('| tstats count from datamodel=Endpoint.Processes by Processes.process', [security4688({ CommandLine: 'tool.exe' }), security4688({ CommandLine: 'C:\\x\\y.exe -a' })]);
    expect(bare.map((r) => r['Processes.process'])).toEqual(['C:\\Program Files\\Tool Dir\\tool.exe', 'C:\\x\\y.exe -a']);
  });

  it('a missing process_name is derived from the first word of process; a missing process becomes unknown', () => {
    const rows = run('| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.process', [{ tag: ['process', 'report'], process: '  svc.exe -k x' }, { tag: ['process', 'report'] }]);
    expect(rows).toEqual([
      { 'Processes.process_name': 'svc.exe', 'Processes.process': '  svc.exe -k x', count: 1 },
      { 'Processes.process_name': 'unknown', 'Processes.process': 'unknown', count: 1 },
    ]);
  });

  it('Sysmon 13 → Registry, 11 → Filesystem, 3 → All_Traffic (transport lower-cased), 22 → DNS', () => {
    const reg = { sourcetype: SYSMON, EventCode: 13, Computer: 'ws1', TargetObject: 'HKLM\\Software\\Run\\evil', Details: 'C:\\evil.exe', Image: 'C:\\x\\reg.exe' };
    expect(run('| tstats count from datamodel=Endpoint.Registry by Registry.registry_path Registry.registry_key_name Registry.registry_value_name Registry.registry_value_data Registry.action Registry.user', [reg])).toEqual([{
      'Registry.registry_path': 'HKLM\\Software\\Run\\evil', 'Registry.registry_key_name': 'Run', 'Registry.registry_value_name': 'evil',
      'Registry.registry_value_data': 'C:\\evil.exe', 'Registry.action': 'modified', 'Registry.user': 'unknown', count: 1,
    }]);
    const file = { sourcetype: SYSMON, EventCode: 11, Computer: 'ws1', TargetFilename: 'C:\\Users\\a\\x.ps1', Image: 'C:\\p.exe', CreationUtcTime: '2023-01-01 00:00:00.000' };
    expect(run('| tstats count from datamodel=Endpoint.Filesystem by Filesystem.file_name Filesystem.file_path Filesystem.action Filesystem.file_hash', [file])).toEqual([{
      'Filesystem.file_name': 'x.ps1', 'Filesystem.file_path': 'C:\\Users\\a\\x.ps1', 'Filesystem.action': 'created', 'Filesystem.file_hash': 'unknown', count: 1,
    }]);
    const net = { sourcetype: SYSMON, EventCode: 3, Computer: 'ws1', SourceIp: '10.0.0.5', DestinationIp: '1.2.3.4', DestinationPort: '443', Protocol: 'TCP', Initiated: 'true', Image: 'C:\\a.exe' };
    expect(run('| tstats count from datamodel=Network_Traffic by All_Traffic.dest All_Traffic.dest_port All_Traffic.transport All_Traffic.direction All_Traffic.src', [net])).toEqual([{
      'All_Traffic.dest': '1.2.3.4', 'All_Traffic.dest_port': '443', 'All_Traffic.transport': 'tcp', 'All_Traffic.direction': 'outbound', 'All_Traffic.src': '10.0.0.5', count: 1,
    }]);
    const dns = { sourcetype: SYSMON, EventCode: 22, Computer: 'ws1', QueryName: 'evil.example', QueryResults: '1.2.3.4;' };
    expect(run('| tstats count from datamodel=Network_Resolution by DNS.query DNS.src', [dns])).toEqual([{ 'DNS.query': 'evil.example', 'DNS.src': 'ws1', count: 1 }]);
  });

  it('Security 4624/4625 → Authentication, 4720 → Change.All_Changes; System 7045 → Endpoint.Services', () => {
    const logon = (code: number, user: string): Plain => ({ sourcetype: 'WinEventLog:Security', EventCode: code, Computer: 'dc1', TargetUserName: user, IpAddress: '10.1.1.1', LogonType: '3' });
    expect(run('| tstats count from datamodel=Authentication by Authentication.action Authentication.user Authentication.src Authentication.app', [logon(4625, 'bob'), logon(4624, 'bob'), logon(4624, 'DC1$')])).toEqual([
      { 'Authentication.action': 'failure', 'Authentication.user': 'bob', 'Authentication.src': '10.1.1.1', 'Authentication.app': 'win:remote', count: 1 },
      { 'Authentication.action': 'success', 'Authentication.user': 'bob', 'Authentication.src': '10.1.1.1', 'Authentication.app': 'win:remote', count: 1 },
    ]);
    const created = { sourcetype: 'WinEventLog:Security', EventCode: 4720, Computer: 'dc1', TargetUserName: 'eve', SubjectUserName: 'admin' };
    expect(run('| tstats count from datamodel=Change by All_Changes.action All_Changes.user All_Changes.object_category All_Changes.result', [created])).toEqual([
      { 'All_Changes.action': 'created', 'All_Changes.user': 'eve', 'All_Changes.object_category': 'user', 'All_Changes.result': 'A user account was created', count: 1 },
    ]);
    const svc = { sourcetype: 'WinEventLog:System', EventCode: 7045, Computer: 'ws1', ServiceName: 'evil', ImagePath: '"C:\\t\\evil svc.exe" -k', StartType: 'auto start', AccountName: 'LocalSystem' };
    expect(run('| tstats count from datamodel=Endpoint.Services by Services.service_name Services.service_exec Services.start_mode Services.user', [svc])).toEqual([
      { 'Services.service_name': 'evil', 'Services.service_exec': 'evil svc.exe', 'Services.start_mode': 'auto start', 'Services.user': 'LocalSystem', count: 1 },
    ]);
  });

  it('events that already carry CIM fields and tags are used as they are', () => {
    const rows = run('| tstats count from datamodel=Web by Web.url Web.url_length Web.status', [{ tag: 'web', url: 'http://a.example/x', status: '-' }]);
    expect(rows).toEqual([{ 'Web.url': 'http://a.example/x', 'Web.url_length': 18, 'Web.status': 'unknown', count: 1 }]);
  });
});

describe('fields the data model does not define', () => {
  it('are noted once (shown by the CLI with -v), and match nothing', async () => {
    const q = '| tstats count from datamodel=Endpoint.Processes where Processes.path=* by Processes.path';
    const query = compile(q, { now: NOW });
    expect(query.notes).toHaveLength(1);
    expect(query.notes[0]).toMatch(/does not define `Processes.path`/);
    expect(query.runSync([{ tag: ['process', 'report'], path: 'x' }])).toEqual([]);
    const dir = tempFiles({ 'e.json': '{"tag":["process","report"]}\n' });
    const verbose = await splq(['run', q, '-i', join(dir, 'e.json'), '-o', 'ndjson', '-v']);
    expect(verbose.stderr.match(/splq: note: /g)).toHaveLength(1);
    const quiet = await splq(['run', q, '-i', join(dir, 'e.json'), '-o', 'ndjson']);
    expect(quiet.stderr).toBe('');
  });
});

describe('tstats errors', () => {
  it('an unknown data model: code unknown-datamodel, caret under the name, a suggestion', () => {
    const q = '| tstats count from datamodel=Endpiont.Processes';
    const e = compileError(q);
    expect(e.code).toBe('unknown-datamodel');
    expect(q.slice(e.span!.start, e.span!.end)).toBe('Endpiont');
    expect(e.hints.join(' ')).toMatch(/Endpoint/);
    expect(formatError(e, q)).toMatch(/\^{8}/);
  });

  it('an unknown dataset names the model and the datasets it has', () => {
    const q = '| tstats count from datamodel=Endpoint.Proceses';
    const e = compileError(q);
    expect(e.code).toBe('unknown-datamodel');
    expect(e.message).toMatch(/no dataset `Proceses`.*Processes/);
    expect(q.slice(e.span!.start, e.span!.end)).toBe('Endpoint.Proceses');
    const node = compileError('| tstats count from datamodel=Authentication where nodename=Authentication.Failed_Auth');
    expect(node.code).toBe('unknown-datamodel');
  });

  it('unknown options, prestats, and tstats without a data model say so', () => {
    expect(compileError('| tstats bogus=1 count from datamodel=Endpoint').code).toBe('bad-option');
    expect(compileError('| tstats prestats=t count from datamodel=Endpoint').message).toMatch(/prestats=t is not supported/);
    expect(compileError('| tstats count where index=main').message).toMatch(/FROM datamodel/);
  });

  it('--datamodel-map adds a sourcetype mapping; a malformed map fails with bad-datamodel-map', async () => {
    const dir = tempFiles({
      'events.json': `${JSON.stringify({ sourcetype: 'edr:proc', host: 'h1', exe: 'C:\\t\\calc.exe', who: 'bob' })}\n`,
      'edr.json': JSON.stringify({
        name: 'edr', match: 'sourcetype="edr:proc"',
        eventtypes: [{ name: 'edr_process', search: '*', tags: ['process', 'report'], evals: { process_path: 'exe', process_name: 'replace(exe, "^.*\\\\\\\\", "")', user: 'who', dest: 'host' } }],
      }),
      'bad-key.json': JSON.stringify({ name: 'x', match: '*', eventtypes: [{ name: 'e', search: '*', tag: ['process'] }] }),
      'bad-json.json': '{ "name": ',
      'bad-eval.json': JSON.stringify({ name: 'x', match: '*', eventtypes: [{ name: 'e', search: '*', tags: [], evals: { a: 'nosuchfn(1)' } }] }),
    });
    const q = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.user Processes.dest';
    const ok = await splq(['run', q, '-i', join(dir, 'events.json'), '-o', 'ndjson', '--datamodel-map', join(dir, 'edr.json')]);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual({ 'Processes.process_name': 'calc.exe', 'Processes.user': 'bob', 'Processes.dest': 'h1', count: 1 });
    for (const [file, message] of [['bad-key.json', /unknown key "tag"/], ['bad-json.json', /not valid JSON/], ['bad-eval.json', /evals\.a/], ['missing.json', /cannot read/]] as const) {
      const bad = await splq(['run', q, '-i', join(dir, 'events.json'), '-o', 'ndjson', '--datamodel-map', join(dir, file)]);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/error\[bad-datamodel-map\]/);
      expect(bad.stderr).toMatch(message);
    }
  });
});
