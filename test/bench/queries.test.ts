// Checks that the DuckDB SQL and jq baselines implement the Splunk semantics of each benchmark query.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { findJq } from '../../bench/engines.js';
import { benchQueries, detectionQuery, loadDetectionSpl, wholeTermRegex, type BenchQuery } from '../../bench/queries.js';
import { compareRows, type Row } from '../../bench/verify.js';
import { demoEvents } from '../../src/sample/demo.js';
import { compile } from '../../src/query.js';
import { generateWindowsEvents } from '../../src/sample/windows-events.js';
import { bindingMessage, MALICIOUS_SUBSCRIPTIONS, SCM_SUBSCRIPTION } from '../../src/sample/wmi-subscriptions.js';

const ROOT = resolve(__dirname, '../..');
const WMI = 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational';
const SYSMON = 'WinEventLog:Microsoft-Windows-Sysmon/Operational';
const scratch = mkdtempSync(join(tmpdir(), 'splq-bench-queries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const Q1 = detectionQuery(loadDetectionSpl(ROOT) ?? '');
const [, Q2, Q3, Q4] = ['Q1', 'Q2', 'Q3', 'Q4'].map((id) => benchQueries(ROOT).find((query) => query.id === id)) as BenchQuery[];

function writeLines(name: string, events: object[]): string {
  const path = join(scratch, name);
  writeFileSync(path, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
  return path;
}

async function duckdbRows(query: BenchQuery, dataPath: string): Promise<Row[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  return (await connection.runAndReadAll(query.duckdbSql(dataPath))).getRowObjectsJson() as Row[];
}

function jqRows(query: BenchQuery, dataPath: string): Row[] {
  const output = execFileSync('jq', [...(query.jqArgs ?? []), dataPath], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return output.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as Row);
}

// Edge cases of the detection's semantics; the expected rows below are written out by hand.
const evil = MALICIOUS_SUBSCRIPTIONS[0]!;
const evilMessage = bindingMessage(evil, '1, 2, 3');
const evilConsumer = `${evil.consumerClass}="${evil.consumerName}"`;
const binding = (host: string | undefined, time: number, extra: object = {}) =>
  ({ _time: time, sourcetype: WMI, EventCode: 5861, ...(host === undefined ? {} : { ComputerName: host }), Message: evilMessage, ...extra });
const edgeCases = [
  binding('a.corp', 1_700_000_000.999),
  binding('a.corp', 1_700_000_100.2),
  binding('b.corp', 1_700_000_200, { sourcetype: WMI.toUpperCase(), EventCode: '5861' }),
  binding('c.corp', 1_700_000_300, { Message: evilMessage.replace('= Binding ', '= Bindings ') }),
  binding('d.corp', 1_700_000_400, { Message: evilMessage.replace('= Binding ', '= Bindings '), Note: 'see_Binding' }),
  binding('e.corp', 1_700_000_500, { Message: evilMessage.replace('= Binding ', '= xBinding ') }),
  binding('f.corp', 1_700_000_600, { Message: bindingMessage(SCM_SUBSCRIPTION, '1').replace('NTEventLogEventConsumer="SCM', 'nteventlogeventconsumer="scm') }),
  binding('g.corp', 1_700_000_700, { Message: 'PossibleCause = Binding EventFilter without a consumer' }),
  binding(undefined, 1_700_000_800),
  binding('h.corp', 1_700_000_900, { EventCode: 5860 }),
  binding('i.corp', 1_700_001_000, { sourcetype: SYSMON }),
];
const expectedDetections: Row[] = [
  { dest: 'a.corp', consumer: evilConsumer, Message: evilMessage, count: 2, firstTime: '2023-11-14T22:13:20', lastTime: '2023-11-14T22:15:00' },
  { dest: 'b.corp', consumer: evilConsumer, Message: evilMessage, count: 1, firstTime: '2023-11-14T22:16:40', lastTime: '2023-11-14T22:16:40' },
  {
    dest: 'd.corp', consumer: evilConsumer, Message: evilMessage.replace('= Binding ', '= Bindings '), count: 1,
    firstTime: '2023-11-14T22:20:00', lastTime: '2023-11-14T22:20:00',
  },
];

/** Straightforward JavaScript versions of Q2-Q4 over parsed events, as the reference for the demo sample. */
function countBy(events: Row[], key: (event: Row) => unknown[] | undefined, names: string[]): Row[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    const values = key(event);
    if (values !== undefined && values.every((value) => value !== undefined && value !== null)) {
      counts.set(JSON.stringify(values), (counts.get(JSON.stringify(values)) ?? 0) + 1);
    }
  }
  return [...counts].map(([values, count]) => ({ ...Object.fromEntries((JSON.parse(values) as unknown[]).map((v, i) => [names[i], v])), count }));
}

describe('wholeTermRegex', () => {
  const matches = (text: string) => new RegExp(wholeTermRegex('Binding')).test(text.toLowerCase());
  it('matches the term bounded by Splunk breakers or the line ends, in any case', () => {
    for (const text of ['PossibleCause = Binding EventFilter', 'x_Binding', '"binding"', 'BINDING', 'a.binding:b', 'Binding\\r\\n']) expect(matches(text), text).toBe(true);
  });
  it('does not match the term inside a longer word', () => {
    for (const text of ['Bindings', 'xBinding', 'Binding2', 'rebinding']) expect(matches(text), text).toBe(false);
  });
});

describe('DuckDB SQL of the benchmark queries', () => {
  it('Q1 follows the detection: case-insensitive sourcetype, whole-term Binding on the raw line, != dropping nulls, ctime', async () => {
    expect(compareRows(expectedDetections, await duckdbRows(Q1, writeLines('edge.ndjson', edgeCases)))).toMatchObject({ equal: true });
  });

  it('Q1-Q4 agree with plain JavaScript versions on the demo sample', async () => {
    const events = demoEvents() as Row[];
    const path = writeLines('demo.ndjson', events);
    const detections = countBy(events.filter((e) => e.EventCode === 5861), (e) => {
      const consumer = /Consumer =\s+([^;|^$]+)/.exec(String(e.Message))?.[1];
      return consumer === undefined || consumer.startsWith('NTEventLog') ? undefined : [e.ComputerName, consumer];
    }, ['dest', 'consumer']);
    expect(detections.length).toBeGreaterThanOrEqual(2);
    expect((await duckdbRows(Q1, path)).map(({ dest, consumer, count }) => ({ dest, consumer, count: Number(count) })))
      .toEqual(expect.arrayContaining(detections));
    expect(compareRows(countBy(events, (e) => [e.sourcetype, e.EventCode], ['sourcetype', 'EventCode']), await duckdbRows(Q2, path)).equal).toBe(true);
    const images = countBy(events.filter((e) => e.sourcetype === SYSMON), (e) => [/Image: ([^\r\n]+)/.exec(String(e.Message))?.[1]], ['image']);
    expect(compareRows(images, await duckdbRows(Q3, path)).equal).toBe(true);
    const top = countBy(events, (e) => [e.ProcessGuid], ['ProcessGuid'])
      .sort((x, y) => Number(y.count) - Number(x.count) || (String(x.ProcessGuid) < String(y.ProcessGuid) ? -1 : 1)).slice(0, 10);
    expect(await duckdbRows(Q4, path)).toEqual(top.map((row) => ({ ProcessGuid: row.ProcessGuid, count: String(row.count) })));
  });
});

const jq = findJq();
if (jq === undefined) console.warn('jq is not installed: skipping the jq baseline tests');
describe.skipIf(jq === undefined)('jq programs of the benchmark queries', () => {
  it('Q1 gives the hand-written rows on the edge cases', () => {
    expect(compareRows(expectedDetections, jqRows(Q1, writeLines('edge-jq.ndjson', edgeCases))).equal).toBe(true);
  });

  it('Q1-Q4 give the same rows as DuckDB on the demo sample', async () => {
    const path = writeLines('demo-jq.ndjson', demoEvents());
    for (const query of [Q1, Q2, Q3, Q4]) expect(compareRows(await duckdbRows(query, path), jqRows(query, path)).equal, query.id).toBe(true);
  });
});

describe('Q5 (tstats over Endpoint.Processes): DuckDB SQL spells out the CIM mapping', () => {
  it('agrees with splq on generated events and on hand-made edge cases', async () => {
    const Q5 = benchQueries(ROOT).find((query) => query.id === 'Q5')!;
    const edge = [
      { _time: 1_700_000_001, sourcetype: SYSMON, EventCode: 1, ComputerName: 'a.corp', User: 'CORP\\x', Image: 'C:\\W\\CMD.EXE', CommandLine: 'cmd /c' },
      { _time: 1_700_000_002, sourcetype: SYSMON, EventCode: 1, ComputerName: 'a.corp', CommandLine: 'cmd.exe /c dir' },
      { _time: 1_700_000_003, sourcetype: 'WinEventLog:Security', EventCode: 4688, ComputerName: 'b.corp', TargetUserName: '-', SubjectUserName: 'bob', NewProcessName: 'C:\\W\\cmd.exe' },
      { _time: 1_700_000_004, sourcetype: 'wineventlog:security', EventCode: '4688', TargetUserName: 'eve', NewProcessName: 'C:\\W\\cmd.exe' },
      { _time: 1_700_000_005, sourcetype: SYSMON, EventCode: 3, ComputerName: 'a.corp', Image: 'C:\\W\\cmd.exe' },
      { _time: 1_700_000_006, sourcetype: 'WinEventLog:System', EventCode: 4688, NewProcessName: 'C:\\W\\cmd.exe' },
    ];
    const generated = [...generateWindowsEvents({ seed: 3, count: 4000 })];
    const path = writeLines('q5.ndjson', [...edge, ...generated]);
    const want = compile(Q5.spl).runSync([...edge, ...generated] as never[]).map((e) => e.toObject());
    const got = (await duckdbRows(Q5, path)).map((r) => ({ ...r, count: Number(r.count) }));
    const key = (r: Row) => `${r['Processes.dest']}|${r['Processes.user']}`;
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(want.sort((a, b) => key(a as Row).localeCompare(key(b as Row))));
    expect(want.length).toBeGreaterThan(3);
    expect(want.find((r) => r['Processes.user'] === 'eve')?.['Processes.dest']).toBe('unknown');
  });
});
