// `| from datamodel` and `| datamodel ... search`: a dataset's events themselves, unprefixed, with every field and _raw.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';
import { Event } from '../../src/runtime/event.js';

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
    expect(fail('| from inputlookup:foo.csv').code).toBe('unsupported-command');
    expect(fail('| datamodel Web').code).toBe('unsupported-command');
  });
});
