// `| from datamodel` and `| datamodel ... search`: a dataset's events themselves, unprefixed, with every field and _raw;
// `| from lookup:<name>` / `inputlookup:<name>`: a lookup table's rows.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';
import { Event } from '../../src/runtime/event.js';
import { errorOf, libraryOver, run as runWith, tempFolder } from '../lookups/helpers.js';

const NOW = 1700000000;
const run = (q: string, events: Event[]) => compile(q, { now: NOW }).runSync(events).map((e) => e.toObject());
const alert = (app: string, name: string) => Event.fromObject({ tag: 'alert', app, name, 'columns.pid': '7' }, `{"app":"${app}"}`);

describe('from datamodel / datamodel search (tstats-cim.md sec. 5)', () => {
  it('keeps the events meeting the constraint, with their own fields (unprefixed) and calculated ones', () => {
    const events = [alert('osquery:results', 'pack_osx-attacks_Keyboard_Event_Taps'), Event.fromObject({ tag: 'web', app: 'x' })];
    const rows = run('| from datamodel Alerts.Alerts | search app=osquery:results name=pack_osx-attacks_Keyboard_Event_Taps | table app name columns.pid dest', events);
    expect(rows).toEqual([{ app: 'osquery:results', name: 'pack_osx-attacks_Keyboard_Event_Taps', 'columns.pid': '7', dest: 'unknown' }]);
    expect(run('| from datamodel:Alerts.Alerts | eval r=_raw | table r', events)).toEqual([{ r: '{"app":"osquery:results"}' }]);
    expect(run('| datamodel Alerts Alerts search | stats count', events)).toEqual([{ count: 1 }]);
  });

  it('maps raw events first: Sysmon 1 appears in Endpoint.Processes with CIM names', () => {
    const sysmon = Event.fromObject({ sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 1, Computer: 'ws1', Image: 'C:\\W\\cmd.exe' });
    expect(run('| from datamodel Endpoint.Processes | table process_name dest user', [sysmon])).toEqual([{ process_name: 'cmd.exe', dest: 'ws1', user: 'unknown' }]);
  });

  it('an unknown dataset or another from source fails clearly', () => {
    const fail = (q: string) => {
      try {
        compile(q);
      } catch (e) {
        return e as SplError;
      }
      throw new Error('compiled');
    };
    expect(fail('| from datamodel Web.Webb').code).toBe('unknown-datamodel');
    expect(fail('| from savedsearch:mine').code).toBe('unsupported-command');
    expect(fail('| from index:main').message).toContain('unknown dataset type "index"');
    expect(fail('| from lookup').code).toBe('bad-argument');
    expect(fail('| from inputlookup:foo.csv').code).toBe('unknown-lookup');
    expect(fail('| datamodel Web').code).toBe('unsupported-command');
  });
});

// Search Reference "from" (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/from):
// `| from <dataset_type>:<dataset_name> | <dataset_type> <dataset_name>`; "The lookup dataset type can be either a CSV
// lookup or a KV Store lookup".
describe('from lookup:<name>', () => {
  const dir = tempFolder({
    'geo.csv': 'country,code\nFrance,FR\nJapan,JP\n,XX\n',
    'geo.yml': 'name: geo_countries\nfilename: geo.csv\n',
  });
  const lib = libraryOver(dir);

  it('gives the rows of a definition or a table file, in file order, empty cells left out (as inputlookup)', () => {
    const rows = [{ country: 'France', code: 'FR' }, { country: 'Japan', code: 'JP' }, { code: 'XX' }];
    expect(runWith('| from lookup:geo_countries', lib)).toEqual(rows);
    expect(runWith('| from lookup geo_countries', lib)).toEqual(rows);
    expect(runWith('| from inputlookup:geo.csv', lib)).toEqual(rows);
    expect(runWith('| from lookup:geo_countries', lib)).toEqual(runWith('| inputlookup geo_countries', lib));
  });

  it('pipes on like any generating search and ignores the input events', () => {
    expect(runWith('| from lookup:geo_countries | where code!="XX" | stats count', lib, [{ a: 1 }])).toEqual([{ count: 2 }]);
  });

  it('an unknown lookup is unknown-lookup at the name', () => {
    const q = '| from lookup:nope';
    const e = errorOf(q, lib);
    expect(e.code).toBe('unknown-lookup');
    expect(e.span?.start).toBe(q.indexOf('nope'));
  });
});
