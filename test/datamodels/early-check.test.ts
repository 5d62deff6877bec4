// The mapper's early dataset check (before the EVALs) keeps exactly the events, with the same fields, that checking after them keeps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinMappings, compileDataset, compileEventMapper, getDataModel, resolveDataset, type SourceMappingDef } from '../../src/datamodels/index.js';
import { planDataset } from '../../src/datamodels/plan.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';
import { fuzzRuns } from '../helpers/tier.js';

const CTX = { zone: getZone('UTC'), now: 1700000000 };
const SPAN = { start: 0, end: 0 };

/** A user's mapping whose EVAL reads and writes `tag`: the early check must stand aside for it. */
const TAGGING_MAP: SourceMappingDef = {
  name: 'edr',
  source: ['test'],
  match: 'sourcetype="edr:proc"',
  evals: { tag: 'if(exe="cmd.exe", "process", tag)', user: 'if(isnull(tag), who, "tagged")' },
  eventtypes: [{ name: 'edr_report', search: 'action=exec', tags: ['report'], evals: { process_name: 'exe', dest: 'host' } }],
};

const rawEvent = fc.record(
  {
    sourcetype: fc.constantFrom('WinEventLog:Microsoft-Windows-Sysmon/Operational', 'WinEventLog:Security', 'edr:proc', 'other'),
    EventCode: fc.constantFrom<FieldValue>(1, 3, 11, 4688, 4624, '1'),
    tag: fc.constantFrom<FieldValue>(['process', 'report'], 'process', 'report', 'network'),
    Image: fc.constantFrom('C:\\Windows\\System32\\cmd.exe', 'C:\\x\\net1.exe'),
    NewProcessName: fc.constantFrom('C:\\Windows\\System32\\cmd.exe', 'C:\\tools\\a b.exe'),
    CommandLine: fc.constantFrom('cmd.exe /c whoami', '"C:\\tools\\a b.exe" -x', ''),
    User: fc.constantFrom('CORP\\alice', 'NT AUTHORITY\\SYSTEM'),
    TargetUserName: fc.constantFrom('-', 'bob', ''),
    SubjectUserName: fc.constantFrom('svc', 'carol'),
    Computer: fc.constantFrom('ws1', 'WS2'),
    exe: fc.constantFrom('cmd.exe', 'powershell.exe'),
    action: fc.constantFrom('exec', 'kill'),
    who: fc.constantFrom('dave', 'erin'),
    _time: fc.integer({ min: 1699990000, max: 1700000000 }),
  },
  { requiredKeys: ['sourcetype', '_time'] },
);

const fieldsOf = (ev: Event) => JSON.stringify(ev.names().sort().map((f) => [f, ev.get(f)]));

describe('the early dataset check', () => {
  it('law: mapping with the check before the EVALs selects the same events with the same fields as checking after', () => {
    const mappings = [TAGGING_MAP, ...builtinMappings()];
    for (const name of ['Processes', 'Filesystem', 'Registry']) {
      const dataset = resolveDataset(getDataModel('Endpoint', SPAN), name, SPAN);
      const plan = planDataset(dataset, mappings, ['process_name', 'dest', 'user', '_time']);
      const selection = compileDataset(dataset, CTX, plan.needed);
      const late = compileEventMapper(mappings, CTX, plan.needed);
      const early = compileEventMapper(mappings, CTX, plan.needed, { fields: selection.constraintReads, matches: selection.matches });
      fc.assert(
        fc.property(rawEvent, (raw) => {
          const a = Event.fromObject(raw);
          const b = Event.fromObject(raw);
          expect(late(a)).toBe(true);
          const keptLate = selection.matches(a);
          const keptEarly = early(b) && selection.matches(b);
          expect(keptEarly).toBe(keptLate);
          if (keptLate) expect(fieldsOf(b)).toBe(fieldsOf(a));
        }),
        { numRuns: fuzzRuns(300, 3000) },
      );
    }
  });

  it('rejects a Sysmon network event before its EVALs, but keeps one that carries the process and report tags itself', () => {
    const dataset = resolveDataset(getDataModel('Endpoint', SPAN), 'Processes', SPAN);
    const selection = compileDataset(dataset, CTX);
    const mapper = compileEventMapper(builtinMappings(), CTX, new Set(['process_name', 'tag', 'eventtype']), { fields: selection.constraintReads, matches: selection.matches });
    const sysmon = { sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 3, Image: 'C:\\Windows\\System32\\cmd.exe' };
    const network = Event.fromObject(sysmon);
    expect(mapper(network)).toBe(false);
    expect(network.get('process_name')).toBeUndefined();
    const tagged = Event.fromObject({ ...sysmon, tag: ['process', 'report'] });
    expect(mapper(tagged)).toBe(true);
    expect(tagged.get('process_name')).toBe('cmd.exe');
    expect(tagged.get('tag')).toEqual(['process', 'report', 'network', 'communicate']);
  });
});
