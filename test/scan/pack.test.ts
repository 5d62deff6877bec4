// Pack mode: many detections in one shared scan give each detection exactly the rows it gives alone.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDetection } from '../../src/detection.js';
import { compile } from '../../src/query.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { runPack, type PackEntry } from '../../src/scan/pack.js';
import { LiteralAutomaton, PackRouter } from '../../src/scan/pack-router.js';
import { REPO, splq, tempFiles } from '../helpers/cli.js';

const MACROS = join(REPO, 'queries/macros');
const NOW = 1_700_000_000;

const HAND_WRITTEN: PackEntry[] = [
  { name: 'wmi bindings', spl: readDetection(join(REPO, 'queries/wmi_permanent_event_subscription.yml')).search },
  { name: 'sysmon process count', spl: 'sourcetype="WinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 | stats count by host | sort - count, host | head 5' },
  { name: 'logons', spl: 'sourcetype="WinEventLog:Security" EventCode=4624 | stats dc(host) as hosts' },
  { name: 'everything', spl: 'search * | stats count by sourcetype' },
  { name: 'eval copies', spl: 'EventCode=3 | eval host=upper(host) | stats count by host | sort host | head 3' },
  { name: 'no literal', spl: 'EventCode>5000 | stats count' },
  { name: 'tstats processes', spl: '| tstats count from datamodel=Endpoint.Processes by Processes.dest | sort - count, Processes.dest | head 5' },
  { name: 'makeresults', spl: '| makeresults count=2 | eval x=1' },
  { name: 'append replays', spl: 'EventCode=4688 | stats count | append [search EventCode=4624 | stats count]' },
  { name: 'join replays', spl: 'sourcetype="WinEventLog:Security" EventCode=4688 | stats count by host | join host [search EventCode=4624 | stats count as logons by host] | sort host | head 5' },
  // Shared dataset events, changed by the commands after `from` (each reader gets its own copy).
  { name: 'from datamodel', spl: '| from datamodel Endpoint.Processes | eval dest=upper(dest) | stats count by dest | sort dest | head 5' },
  { name: 'from datamodel again', spl: '| from datamodel Endpoint.Processes | stats count by dest | sort dest | head 5' },
  // An inner join whose subsearch finds nothing: the member gets no events, and the stats after it still gives its row.
  { name: 'empty inner join', spl: 'EventCode=4688 | join host [search EventCode=999999 | stats count by host] | stats count' },
  { name: 'empty inner join, tstats', spl: '| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.dest as host | join type=inner host [search EventCode=999999 | stats count as n by host]' },
  // A subsearch written `[| search ...]` is gated by its search in the shared round.
  { name: 'leading-pipe subsearch', spl: 'EventCode=4624 | stats count by host | join type=left host [| search EventCode=4688 | stats count as procs by host] | sort host | head 5' },
];

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-pack-'));
  data = join(dir, 'events.ndjson');
  writeNdjson(data, generateWindowsEvents({ seed: 7, count: 3000 }));
});

/** A detection's rows run alone through the usual scan, as JSON text. */
async function alone(spl: string, inputs: string[]): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of compile(spl, { macros: [MACROS], now: NOW }).runFiles(inputs)) rows.push(JSON.stringify(row.toObject()));
  return rows;
}

/** The pack's rows per detection, without the `detection` field, as JSON text. */
function byDetection(rows: { toObject(): Record<string, unknown> }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const { detection, ...rest } = row.toObject();
    const list = out.get(String(detection)) ?? [];
    list.push(JSON.stringify(rest));
    out.set(String(detection), list);
  }
  return out;
}

describe('the pack router', () => {
  it('finds every literal case-insensitively, overlapping ones too', () => {
    const automaton = new LiteralAutomaton(['binding', 'bind', 'ding', 'xyz']);
    const hits: number[] = [];
    automaton.scan('a BINDING here', new Int32Array(4), 1, hits);
    expect(hits.sort()).toEqual([0, 1, 2]);
  });

  it('routes a line to the detections whose pre-filter it passes, and open detections everywhere', () => {
    const prefilter = (lits: string[]) => ({ literals: lits, test: (l: string) => lits.every((x) => l.toLowerCase().includes(x)) });
    const router = new PackRouter([prefilter(['binding', 'wmi']), null, prefilter(['logon'])]);
    expect([...router.route('{"m":"Binding","s":"WMI"}')].sort()).toEqual([0, 1]);
    expect(router.route('{"m":"Binding"}')).toEqual([1]);
    expect([...router.route('{"m":"LOGON"}')].sort()).toEqual([1, 2]);
  });

  it('takes the Kelvin sign for k as a case-insensitive regex does', () => {
    const hits: number[] = [];
    new LiteralAutomaton(['kb']).scan('\u212AB', new Int32Array(1), 1, hits);
    expect(hits).toEqual([0]);
  });
});

describe('runPack', () => {
  it('gives each detection exactly the rows it gives alone (shared scan, tstats, and the ones run on their own)', async () => {
    const result = await runPack(HAND_WRITTEN, [data], { macros: [MACROS], now: NOW });
    expect(result.failed).toEqual([]);
    const packed = byDetection(result.rows);
    let nonEmpty = 0;
    for (const { name, spl } of HAND_WRITTEN) {
      const own = await alone(spl, [data]);
      expect(packed.get(name) ?? [], name).toEqual(own);
      if (own.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(7);
    expect(result.scan.eventsRead).toBe(3000);
    expect(result.detections.map((d) => d.name)).toEqual(HAND_WRITTEN.map((d) => d.name));
    const logons = result.detections.find((d) => d.name === 'logons')!;
    expect(logons.eventsReached).toBeGreaterThan(0);
    expect(logons.eventsReached).toBeLessThan(3000);
    expect(result.detections.find((d) => d.name === 'everything')!.eventsReached).toBe(3000);
    // The empty inner joins took no events (and still gave their rows, above: one count=0 row for the first).
    for (const name of ['empty inner join', 'empty inner join, tstats']) expect(result.detections.find((d) => d.name === name)!.eventsReached, name).toBe(0);
    expect(packed.get('empty inner join')).toEqual(['{"count":0}']);
    expect(packed.get('from datamodel')?.length).toBeGreaterThan(0);
    expect(result.detections.find((d) => d.name === 'append replays')!.scan).toBe('shared');
    expect(result.detections.find((d) => d.name === 'makeresults')!.scan).toBe('own');
    expect(result.rows[0]!.names()[0]).toBe('detection');
  });

  it('lists a detection that fails to compile with its error and runs the others', async () => {
    const entries = [
      { name: 'bad command', spl: 'EventCode=1 | nosuchcommand x' },
      { name: 'bad macro', spl: '`no_such_macro` | stats count' },
      { name: 'good', spl: 'EventCode=1 | stats count' },
    ];
    const result = await runPack(entries, [data], { macros: [MACROS], now: NOW, filterFallback: true });
    expect(result.failed.map((f) => f.name)).toEqual(['bad command', 'bad macro']);
    expect(result.failed[0]!.message).toMatch(/nosuchcommand/);
    expect(byDetection(result.rows).get('good')).toEqual(await alone('EventCode=1 | stats count', [data]));
  });

  it('a pack of one equals a single run (property)', async () => {
    const fieldsA = ['host', 'EventCode', 'sourcetype', 'Image', 'User'];
    const term = fc.oneof(
      fc.constantFrom('EventCode=1', 'EventCode=3', 'EventCode=4624', 'Binding', 'powershell', 'sysmon', 'WKS-0001', 'NOT EventCode=11', 'EventCode>4000'),
      fc.constantFrom(...fieldsA).map((f) => `${f}=*`),
    );
    const tail = fc.constantFrom('', '| stats count', '| stats count by host | sort host', '| head 7 | table _time host EventCode', '| eval n=len(host) | stats sum(n) as n');
    await fc.assert(
      fc.asyncProperty(fc.array(term, { minLength: 1, maxLength: 3 }), tail, async (terms, rest) => {
        const spl = `${terms.join(' ')} ${rest}`;
        const result = await runPack([{ name: 'one', spl }], [data], { now: NOW });
        expect(result.failed).toEqual([]);
        expect(byDetection(result.rows).get('one') ?? []).toEqual(await alone(spl, [data]));
      }),
      { numRuns: 25 },
    );
  });
});

describe('splq run --detection <folder>', () => {
  it('runs a folder of detections as a pack: rows tagged, a summary with -v, broken ones listed, exit 0', async () => {
    const wmi = readFileSync(join(REPO, 'queries/wmi_permanent_event_subscription.yml'), 'utf8');
    const dir = tempFiles({
      'wmi.yml': wmi,
      'logons.yml': 'name: Logons\nsearch: EventCode=4624 | stats count\n',
      'broken.yml': 'name: Broken\nsearch: EventCode=1 | nosuchcommand\n',
    });
    const r = await splq(['run', '--detection', dir, '-m', MACROS, '-i', data, '-o', 'ndjson', '--now', String(NOW), '-v']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter(Boolean).map((l: string) => JSON.parse(l) as Record<string, unknown>);
    const logons = rows.filter((row) => row.detection === 'Logons');
    expect(logons).toEqual((await alone('EventCode=4624 | stats count', [data])).map((t) => ({ detection: 'Logons', ...JSON.parse(t) })));
    // The WMI detection reached the WMI lines holding its literals (and made no row from this small sample).
    expect(r.stderr).toMatch(/WMI Permanent Event Subscription\s+0\s+[1-9]\d*\s/);
    expect(r.stderr).toMatch(/Broken.*nosuchcommand/s);
    expect(r.stderr).toMatch(/Logons\s+1\s+\d+/);
  });

  it('exits non-zero when no detection compiles', async () => {
    const dir = tempFiles({ 'x.yml': 'name: X\nsearch: "| nosuchcommand"\n', 'y.yml': 'name: Y\nsearch: "| nosuchcommand2"\n' });
    const r = await splq(['run', '--detection', dir, '-i', data, '-o', 'ndjson']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no detection compiled/);
  });
});
