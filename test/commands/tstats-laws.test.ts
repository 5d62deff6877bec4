// fast-check laws for tstats: it equals `search <constraint> P' | stats count by F'` over the dataset's events, input
// splits change nothing, and a missing by-field drops the event's group unless fillnull_value is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { compileDataset, getDataModel, resolveDataset } from '../../src/datamodels/index.js';
import { getZone } from '../../src/time/zone.js';
import { fuzzRuns } from '../helpers/tier.js';

type Row = Record<string, FieldValue>;

const NOW = 1700000000;
const EVAL_CTX = { zone: getZone('UTC'), now: NOW };

/** Events already carrying CIM fields and tags (no shipped mapping matches them, so they are used as they are). */
const cimEvent = fc.record(
  {
    tag: fc.constantFrom<FieldValue>(['process', 'report'], ['process'], 'report', ['process', 'report', 'execute'], 'network'),
    process_name: fc.constantFrom('cmd.exe', 'CMD.EXE', 'powershell.exe', 'net1.exe', ''),
    process: fc.constantFrom('cmd.exe /c whoami', 'powershell -enc AAAA', 'net1 localgroup'),
    user: fc.constantFrom('admin', 'CORP\\alice', 'bob'),
    dest: fc.constantFrom('ws1', 'WS2'),
    process_id: fc.constantFrom('100', '0x64', '7'),
    _time: fc.integer({ min: NOW - 86400, max: NOW }),
  },
  { requiredKeys: ['tag', '_time'] },
);

/** Where clauses over Processes fields, written as the corpus writes them (prefixed, mixed case, wildcards). */
const whereClause = fc.constantFrom(
  '',
  'Processes.process_name=cmd.exe',
  'Processes.process_name=*.EXE',
  'Processes.user!=admin',
  'NOT Processes.user=admin',
  'Processes.process_name IN (cmd.exe, "net1.exe")',
  '(Processes.process_name=cmd.exe OR Processes.process=*-enc*) Processes.dest=ws*',
  'Processes.process_name=unknown',
  'Processes.process_id=*',
);

const byFields = fc.subarray(['dest', 'user', 'process_name', 'process_id'], { minLength: 1 });

const plain = (events: Array<Record<string, FieldValue>>) => events.map((e) => Event.fromObject(e));
const sortRows = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The Processes dataset's events, built with the data model's own constraint and calculations. */
function processesEvents(events: Array<Record<string, FieldValue>>): Event[] {
  const span = { start: 0, end: 0 };
  const dataset = compileDataset(resolveDataset(getDataModel('Endpoint', span), 'Processes', span), EVAL_CTX);
  return plain(events).filter((ev) => dataset.matches(ev)).map((ev) => {
    dataset.calculate(ev);
    return ev;
  });
}

const unprefix = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/^Processes\./, ''), v]));

describe('tstats laws', () => {
  it('tstats count ... where P by F equals search <constraint> P\' | stats count by F\' (prefixes renamed)', () => {
    fc.assert(
      fc.property(fc.array(cimEvent, { maxLength: 25 }), whereClause, byFields, (events, where, by) => {
        const tstats = compile(`| tstats count from datamodel=Endpoint.Processes ${where ? `where ${where}` : ''} by ${by.map((f) => `Processes.${f}`).join(' ')}`, { now: NOW });
        const search = compile(`search tag=process tag=report ${where.replaceAll('Processes.', '')} | stats count by ${by.join(' ')}`, { now: NOW });
        const got = tstats.runSync(plain(events)).map((e) => unprefix(e.toObject()));
        const want = search.runSync(processesEvents(events)).map((e) => e.toObject());
        expect(sortRows(got)).toEqual(sortRows(want));
      }),
      { numRuns: fuzzRuns(12, 150) },
    );
  });

  it('splitting the input into batches of any size changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cimEvent, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), whereClause, async (events, size, where) => {
        const q = compile(`| tstats count min(_time) as firstTime values(Processes.user) dc(Processes.dest) from datamodel=Endpoint.Processes ${where ? `where ${where}` : ''} by Processes.process_name`, { now: NOW });
        const whole = q.runSync(plain(events)).map((e) => e.toObject());
        const batches = async function* () {
          for (let i = 0; i < events.length; i += size) yield plain(events.slice(i, i + size));
        };
        const split: Row[] = [];
        await q.stream(batches(), (ev) => split.push(ev.toObject()));
        expect(split).toEqual(whole);
      }),
      { numRuns: fuzzRuns(6, 60) },
    );
  });

  it('a by-field missing on an event drops its group unless fillnull_value, which groups it under that text', () => {
    fc.assert(
      fc.property(fc.array(cimEvent, { maxLength: 25 }), (events) => {
        const run = (opts: string) => compile(`| tstats ${opts} count from datamodel=Endpoint.Processes by Processes.process_id`, { now: NOW }).runSync(plain(events)).map((e) => e.toObject());
        const inDataset = processesEvents(events);
        const withId = inDataset.filter((e) => e.has('process_id')).length;
        const without = inDataset.length - withId;
        const dropped = run('');
        expect(dropped.reduce((n, r) => n + Number(r.count), 0)).toBe(withId);
        expect(dropped.some((r) => r['Processes.process_id'] === 'null')).toBe(false);
        const kept = run('fillnull_value=null');
        expect(kept.reduce((n, r) => n + Number(r.count), 0)).toBe(inDataset.length);
        expect(kept.find((r) => r['Processes.process_id'] === 'null')?.count ?? 0).toBe(without);
      }),
      { numRuns: fuzzRuns(10, 100) },
    );
  });
});
