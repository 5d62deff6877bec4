// map: one search per input row with $field$ tokens filled in, at most maxsearches of them.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { compileError, runQuery } from '../helpers/run.js';

const EVENTS = [
  { EventCode: 4624, TargetLogonId: '0x1', user: 'ann' },
  { EventCode: 4624, TargetLogonId: '0x2', user: 'bob' },
  { EventCode: 4672, TargetLogonId: '0x1', priv: 'SeDebug' },
  { EventCode: 4672, TargetLogonId: '0x3', priv: 'SeBackup' },
];

describe('map', () => {
  // Splunk Search Reference "map": `map search="search index=... $field$"` runs the search once per input result,
  // replacing $field$ with that result's value; maxsearches defaults to 10
  // (help.splunk.com/.../spl-search-reference/9.4/search-commands/map).
  it('runs the search once per row with its tokens filled in, over the same inputs', () => {
    const out = runQuery('search EventCode=4672 | map search="search EventCode=4624 TargetLogonId=$TargetLogonId$ | eval n=$_serial_id$"', EVENTS);
    expect(out.map((r) => [r.user, r.n])).toEqual([['ann', 1]]);
  });

  it('maxsearches limits the searches and warns about the rows left out', () => {
    const warnings: string[] = [];
    const q = compile('search EventCode=4624 | map maxsearches=1 search="search TargetLogonId=$TargetLogonId$"', { onWarning: (m) => warnings.push(m) });
    const out = q.runSync(EVENTS).map((e) => e.toObject());
    expect(out.map((r) => r.TargetLogonId)).toEqual(['0x1', '0x1']);
    expect(warnings[0]).toMatch(/maxsearches=1/);
  });

  it('expands macros inside the search string (the corpus writes `search `wineventlog_security` ...`)', () => {
    const macros = new MacroLibrary();
    macros.add({ name: 'logons', args: [], definition: 'EventCode=4624', iseval: false, origin: 'test' });
    const q = compile('search EventCode=4672 | map search="search `logons` TargetLogonId=$TargetLogonId$"', { macros });
    expect(q.runSync(EVENTS).map((e) => e.get('user'))).toEqual(['ann']);
  });

  it('the [subsearch] form works too', () => {
    const out = runQuery('search EventCode=4672 | map [search EventCode=4624 TargetLogonId=$TargetLogonId$]', EVENTS);
    expect(out.map((r) => r.user)).toEqual(['ann']);
  });

  it('checks the search when compiling: an unknown command in it is an error', () => {
    expect(compileError('search * | map search="search x | nosuchcommand $a$"').code).toBe('unknown-command');
    expect(compileError('search * | map').code).toBe('bad-argument');
    expect(compileError('search * | map maxsearches=0 search="search x"').code).toBe('bad-argument');
  });
});
