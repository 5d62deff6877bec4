// A pack on worker threads gives each detection the rows, in the order, of the same pack on one thread.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { runPack, type PackEntry } from '../../src/scan/pack.js';
import { partitionEntries, runPackOnThreads } from '../../src/scan/pack-threads.js';
import type { Event } from '../../src/runtime/event.js';
import { SplError } from '../../src/errors.js';

const NOW = 1_700_000_000;

const ENTRIES: PackEntry[] = [
  { name: 'procs by host', spl: 'EventCode=4688 | stats count by host | sort host' },
  { name: 'logons', spl: 'sourcetype="WinEventLog:Security" EventCode=4624 | stats dc(host) as hosts' },
  { name: 'raw rows', spl: 'EventCode=3 | head 7 | table _time host EventCode' },
  { name: 'tstats a', spl: '| tstats count from datamodel=Endpoint.Processes by Processes.dest | sort Processes.dest' },
  { name: 'tstats b', spl: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name="cmd.exe" by Processes.user | sort Processes.user' },
  { name: 'append', spl: 'EventCode=4688 | stats count | append [search EventCode=4624 | stats count]' },
  { name: 'map', spl: 'EventCode=4624 | stats count by host | sort host | head 2 | map search="search EventCode=4688 host=$host$ | stats count as procs by host"' },
  { name: 'makeresults', spl: '| makeresults count=2 | eval x=1' },
  { name: 'bad', spl: 'EventCode=1 | nosuchcommand' },
];

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-pack-threads-'));
  data = join(dir, 'events.ndjson');
  writeNdjson(data, generateWindowsEvents({ seed: 3, count: 1500 }));
});

function byDetection(rows: Array<{ row: Event; detection: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { row, detection } of rows) (out[detection] ??= []).push(JSON.stringify(row.toObject(true)));
  return out;
}

describe('partitionEntries', () => {
  it("keeps every entry once, in order within a shard, and deals each dataset's detections evenly (property)", () => {
    const entry = fc.record({ name: fc.string({ maxLength: 4 }), spl: fc.constantFrom('search a', '| tstats count from datamodel=Endpoint.Processes', '| tstats count from datamodel=Network_Traffic.All_Traffic by x', 'b | stats count') });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (entries, shards) => {
        const out = partitionEntries(entries, shards);
        expect(out.length).toBeLessThanOrEqual(shards);
        expect(out.flat().length).toBe(entries.length);
        for (const share of out) {
          const positions = share.map((e) => entries.indexOf(e));
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        }
        if (out.length === shards) {
          const counts = out.map((share) => share.filter((e) => e.spl.includes('Endpoint.Processes')).length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('partitionEntries with join/append detections', () => {
  it('puts every detection with a join or append subsearch in the first share, and fewer of the others there (property)', () => {
    const round = fc.constantFrom('a | join x [search b]', 'a | stats count | append [| tstats count from datamodel=Endpoint.Processes]', 'a | appendcols [search c | stats count]');
    const other = fc.constantFrom('search a', '| tstats count from datamodel=Endpoint.Processes', 'b | stats count', 'c | lookup t x OUTPUT y');
    const entry = (spl: fc.Arbitrary<string>) => fc.record({ name: fc.string({ maxLength: 4 }), spl });
    fc.assert(
      fc.property(fc.array(entry(round), { minLength: 1, maxLength: 10 }), fc.array(entry(other), { maxLength: 400 }), fc.integer({ min: 2, max: 3 }), (joins, rest, shards) => {
        const entries = [...rest.slice(0, rest.length >> 1), ...joins, ...rest.slice(rest.length >> 1)];
        const out = partitionEntries(entries, shards);
        expect(out.flat().length).toBe(entries.length);
        for (const share of out) {
          const positions = share.map((e) => entries.indexOf(e));
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        }
        expect(out[0]!.filter((e) => joins.includes(e)).length).toBe(joins.length);
        const othersIn = (share: PackEntry[]) => share.filter((e) => !joins.includes(e)).length;
        for (const share of out.slice(1)) expect(othersIn(out[0]!)).toBeLessThanOrEqual(othersIn(share));
      }),
    );
  });
});

describe('runPackOnThreads', () => {
  it('gives each detection the rows of the one-thread pack, in order, and the same summaries and failures', async () => {
    const one: Array<{ row: Event; detection: string }> = [];
    const single = await runPack(ENTRIES, [data], { now: NOW, onRow: (row, detection) => one.push({ row, detection }) });
    const two: Array<{ row: Event; detection: string }> = [];
    const compile = { macroPaths: [], lookups: null, now: NOW };
    const threaded = await runPackOnThreads(ENTRIES, [data], { threads: 2, compile, scan: {}, onRow: (row, detection) => two.push({ row, detection }) });
    expect(byDetection(two)).toEqual(byDetection(one));
    expect(Object.keys(byDetection(one)).length).toBeGreaterThanOrEqual(6);
    expect(threaded.detections.map((d) => [d.name, d.rows, d.scan])).toEqual(single.detections.map((d) => [d.name, d.rows, d.scan]));
    expect(threaded.failed.map((f) => f.name)).toEqual(['bad']);
    expect(threaded.scan.eventsRead).toBe(1500);
    expect(threaded.scan.results).toBe(single.scan.results);
  }, 120_000);

  it('fails as one thread does on a malformed line under --strict: the same SplError code', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'splq-pack-threads-bad-')), 'bad.ndjson');
    writeFileSync(bad, '{"EventCode":1}\n{not json\n');
    const entries = ENTRIES.slice(0, 2);
    const single = await runPack(entries, [bad], { now: NOW, strict: true }).catch((e: unknown) => e);
    expect(single).toBeInstanceOf(SplError);
    const compile = { macroPaths: [], lookups: null, now: NOW };
    const threaded = await runPackOnThreads(entries, [bad], { threads: 2, compile, scan: { strict: true }, onRow: () => undefined }).catch((e: unknown) => e);
    expect(threaded).toBeInstanceOf(SplError);
    expect((threaded as SplError).code).toBe((single as SplError).code);
  }, 120_000);
});
