// `--ta <dir>` (library: addonFolders): a Splunk add-on folder built here maps a sourcetype splq ships nothing for into CIM datasets.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { SplError } from '../../src/errors.js';
import { planParallelRun, runParallel } from '../../src/parallel/index.js';
import { newSourceStats } from '../../src/input/index.js';
import type { Event } from '../../src/runtime/event.js';
import { inProcessExecutor, storedFields } from '../parallel/harness.js';

const NOW = 1700000000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An add-on folder from `{ 'default/props.conf': text, ... }`. */
function addon(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'splq-ta-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// props.conf.spec: FIELDALIAS-<class> = <orig_field_name> AS <new_field_name>; EVAL-<fieldname> = <eval statement>;
// EXTRACT-<class> = [<regex>|<regex> in <src_field>] (https://docs.splunk.com/Documentation/Splunk/latest/Admin/Propsconf).
// eventtypes.conf.spec: [<$EVENTTYPE>] search = <string> (https://docs.splunk.com/Documentation/Splunk/latest/Admin/Eventtypesconf).
// tags.conf.spec: [<fieldname>=<value>] <tag1> = <enabled|disabled> (https://docs.splunk.com/Documentation/Splunk/latest/Admin/Tagsconf).
const EDR_TA = {
  'default/props.conf': [
    '[edr:proc]',
    'FIELDALIAS-host = host AS dest',
    'EXTRACT-cmd = cmd=(?<process>[^|]+)\\|user=(?<user>\\w+) in detail',
    'EVAL-process_name = replace(exe, "^.*\\\\\\\\", "")',
    'EVAL-vendor_product = "ACME EDR"',
    '',
    '[source::*edr-legacy*]',
    'EVAL-vendor_product = "ACME EDR legacy"',
    '',
    '[host::ignored]',
    'EVAL-vendor_product = "never"',
  ].join('\n'),
  'default/eventtypes.conf': '[edr_base]\nsearch = sourcetype="edr:proc"\n\n[edr_process_start]\nsearch = eventtype=edr_base action=exec\n\n[edr_off]\nsearch = action=stop\ndisabled = 1\n',
  'default/tags.conf': '[eventtype=edr_process_start]\nprocess = enabled\nreport = enabled\nchange = enabled\n\n[eventtype=edr_off]\nprocess = enabled\nreport = enabled\n',
  'local/tags.conf': '[eventtype=edr_process_start]\nchange = disabled\n',
};

const EDR_EVENTS = [
  { _time: NOW, sourcetype: 'edr:proc', source: 'edr.log', host: 'wks1', action: 'exec', exe: 'C:\\Windows\\System32\\cmd.exe', detail: 'cmd=cmd.exe /c whoami|user=ann' },
  { _time: NOW + 100, sourcetype: 'edr:proc', source: 'edr-legacy.log', host: 'wks2', action: 'exec', exe: 'C:\\Tools\\psexec.exe', detail: 'cmd=psexec -s|user=bob' },
  { _time: NOW + 200, sourcetype: 'edr:proc', source: 'edr.log', host: 'wks1', action: 'stop', exe: 'C:\\Windows\\System32\\cmd.exe', detail: 'cmd=x|user=ann' },
];

const SYSMON_1 = {
  _time: NOW + 300, sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 1, Computer: 'wks3',
  User: 'CORP\\cy', Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c dir',
};

const QUERY = '| tstats count values(Processes.process) values(Processes.vendor_product) values(Processes.tag) from datamodel=Endpoint.Processes by Processes.dest Processes.user Processes.process_name';

const rows = (events: Event[]) => events.map((ev) => Object.fromEntries(storedFields(ev)));

describe('--ta <dir>', () => {
  it('tags events by the eventtypes (nested ones expanded) and maps their fields by EXTRACT, FIELDALIAS and EVAL', () => {
    const query = compile(QUERY, { now: NOW, addonFolders: [addon(EDR_TA)] });
    expect(rows(query.runSync([...EDR_EVENTS, SYSMON_1]))).toEqual([
      // The stop event has no process tag (edr_off is disabled); source:: settings win over the sourcetype's.
      { 'Processes.dest': 'wks1', 'Processes.user': 'ann', 'Processes.process_name': 'cmd.exe', count: 1, 'values(Processes.process)': 'cmd.exe /c whoami', 'values(Processes.vendor_product)': 'ACME EDR', 'values(Processes.tag)': ['process', 'report'] },
      { 'Processes.dest': 'wks2', 'Processes.user': 'bob', 'Processes.process_name': 'psexec.exe', count: 1, 'values(Processes.process)': 'psexec -s', 'values(Processes.vendor_product)': 'ACME EDR legacy', 'values(Processes.tag)': ['process', 'report'] },
      // A sourcetype the add-on does not touch keeps the shipped mapping.
      { 'Processes.dest': 'wks3', 'Processes.user': 'CORP\\cy', 'Processes.process_name': 'cmd.exe', count: 1, 'values(Processes.process)': 'cmd.exe /c dir', 'values(Processes.vendor_product)': 'Microsoft Sysmon', 'values(Processes.tag)': ['process', 'report'] },
    ]);
  });

  it('without the folder, the same events reach no dataset (splq ships no edr:proc mapping)', () => {
    expect(compile(QUERY, { now: NOW }).runSync(EDR_EVENTS)).toEqual([]);
  });

  it('local/ replaces default/ key by key: a tag disabled there is gone', () => {
    const query = compile('| tstats count from datamodel=Change.All_Changes by All_Changes.user', { now: NOW, addonFolders: [addon(EDR_TA)] });
    expect(query.runSync(EDR_EVENTS)).toEqual([]);
    const { 'local/tags.conf': _dropped, ...withoutLocal } = EDR_TA;
    const enabled = compile('| tstats count from datamodel=Change.All_Changes by All_Changes.dest', { now: NOW, addonFolders: [addon(withoutLocal)] });
    expect(rows(enabled.runSync(EDR_EVENTS))).toEqual([{ 'All_Changes.dest': 'wks1', count: 1 }, { 'All_Changes.dest': 'wks2', count: 1 }]);
  });

  it('its mappings reach the worker threads', async () => {
    const dir = addon(EDR_TA);
    const file = join(dir, 'edr.json');
    writeFileSync(file, [...EDR_EVENTS, ...EDR_EVENTS, ...EDR_EVENTS].map((e) => `${JSON.stringify(e)}\n`).join(''));
    const query = compile(QUERY, { now: NOW, timeZone: 'UTC', addonFolders: [dir] });
    const plan = await planParallelRun(query, [file], { threads: 2, splitBytes: 300 });
    expect(plan).not.toBeNull();
    const out: Event[] = [];
    const job = { query, tz: 'UTC', now: NOW, source: { fields: query.requiredFields ? new Set(query.requiredFields) : null, defaults: {} }, prefilter: null, startExecutor: inProcessExecutor };
    await runParallel(plan!, job, newSourceStats(false), (ev) => void out.push(ev));
    expect(rows(out).map((r) => [r['Processes.dest'], r['count']])).toEqual([['wks1', 3], ['wks2', 3]]);
  });

  describe('errors (code bad-ta)', () => {
    const failure = (folder: string): SplError => {
      try {
        compile(QUERY, { now: NOW, addonFolders: [folder] });
      } catch (e) {
        if (e instanceof SplError) return e;
        throw e;
      }
      throw new Error('expected an error');
    };

    it('a missing folder, or one without default/ and local/', () => {
      expect(failure(join(tmpdir(), 'splq-no-such-ta'))).toMatchObject({ code: 'bad-ta', message: expect.stringContaining('no such add-on folder') });
      expect(failure(addon({ 'README.txt': 'x' }))).toMatchObject({ code: 'bad-ta', message: expect.stringContaining('neither default/ nor local/') });
    });

    it('a malformed stanza names the file and line', () => {
      expect(failure(addon({ 'default/props.conf': '# c\n[edr:proc\nEVAL-a = 1\n' })).message).toContain('default/props.conf:2: unterminated stanza header');
      expect(failure(addon({ 'default/props.conf': '[edr:proc]\nFIELDALIAS-x = host dest\n' })).message).toContain('default/props.conf:2: FIELDALIAS-x: expected AS or ASNEW');
      expect(failure(addon({ 'local/props.conf': '[edr:proc]\nEVAL-a = nosuchfn(1)\n' })).message).toMatch(/^local\/props\.conf:2: EVAL-a: /);
      expect(failure(addon({ 'default/props.conf': '[edr:proc]\nEXTRACT-x = (?<a>[a-\n' })).message).toContain('default/props.conf:2: EXTRACT-x');
      expect(failure(addon({ 'default/eventtypes.conf': '[et]\ncolor = et_blue\n' })).message).toContain('default/eventtypes.conf:1: eventtype [et] has no search');
      expect(failure(addon({ 'default/eventtypes.conf': '[a]\nsearch = eventtype=b\n[b]\nsearch = eventtype=a\n' })).message).toContain('refers to itself');
      expect(failure(addon({ 'default/tags.conf': '[eventtype=a]\nprocess = maybe\n', 'default/eventtypes.conf': '[a]\nsearch = x=1\n' })).message).toContain('default/tags.conf:2');
    });

    it('reads nothing outside the folder: a conf file linked from elsewhere is refused', () => {
      const outside = addon({ 'props.conf': '[edr:proc]\nEVAL-a = 1\n' });
      const dir = addon({ 'default/tags.conf': '' });
      symlinkSync(join(outside, 'props.conf'), join(dir, 'default', 'props.conf'));
      expect(failure(dir).message).toContain('resolves outside the add-on folder');
    });
  });
});
