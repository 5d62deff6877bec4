// Pack mode's shared paths: tstats detections routed per dataset and `map` detections fed from the held events equal their single runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { runPack, type PackEntry } from '../../src/scan/pack.js';

const NOW = 1_700_000_000;

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-pack-paths-'));
  data = join(dir, 'events.ndjson');
  writeNdjson(data, generateWindowsEvents({ seed: 5, count: 2000 }));
});

async function alone(spl: string): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of compile(spl, { now: NOW }).runFiles([data])) rows.push(JSON.stringify(row.toObject()));
  return rows;
}

function byDetection(rows: { toObject(): Record<string, unknown> }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const { detection, ...rest } = row.toObject();
    out.set(String(detection), [...(out.get(String(detection)) ?? []), JSON.stringify(rest)]);
  }
  return out;
}

async function expectEachAsAlone(entries: PackEntry[]): Promise<Awaited<ReturnType<typeof runPack>>> {
  const result = await runPack(entries, [data], { now: NOW });
  expect(result.failed).toEqual([]);
  const packed = byDetection(result.rows);
  for (const { name, spl } of entries) expect(packed.get(name) ?? [], name).toEqual(await alone(spl));
  return result;
}

const MAPS: PackEntry[] = [
  { name: 'map per host', spl: 'EventCode=4624 | stats count by host | sort host | head 2 | map search="search EventCode=4688 host=$host$ | stats count as procs by host"' },
  { name: 'appendpipe map after eval', spl: 'EventCode=4688 | eval host=lower(host) | stats count by host | sort host | head 2 | appendpipe [| map search="search EventCode=4624 | stats count as n"]' },
  { name: 'plain', spl: 'EventCode=4688 | stats count by host | sort host' },
];

const TSTATS_WHERE = ['cmd.exe', 'powershell.exe', 'rundll32.exe', 'net.exe', '*.exe'];

describe('pack shared paths', () => {
  it('runs map detections in the shared scan (from the held events) with the rows of their single runs', async () => {
    const result = await expectEachAsAlone(MAPS);
    for (const d of result.detections) expect(d.scan, d.name).toBe('shared');
    expect(result.rows.some((r) => r.get('detection') === 'map per host')).toBe(true);
  });

  it('holds events for map detections within the memory budget: past it they run on their own, same rows', async () => {
    // 2,000 events are well over 1 MB held: the scan drops what it holds and the map members re-read the input.
    const result = await runPack(MAPS, [data], { now: NOW, maxMemoryMb: 1 });
    expect(result.failed).toEqual([]);
    const packed = byDetection(result.rows);
    for (const { name, spl } of MAPS) expect(packed.get(name) ?? [], name).toEqual(await alone(spl));
    const scans = Object.fromEntries(result.detections.map((d) => [d.name, d.scan]));
    expect(scans).toEqual({ 'map per host': 'own', 'appendpipe map after eval': 'own', plain: 'shared' });
  });

  it('routes tstats detections per dataset: any set of where clauses gives each its single run (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(TSTATS_WHERE, { minLength: 1 }), fc.boolean(), async (names, unconditioned) => {
        const entries: PackEntry[] = names.map((n, i) => ({
          name: `t${i}`,
          spl: `| tstats count from datamodel=Endpoint.Processes where Processes.process_name="${n}" by Processes.dest | sort Processes.dest`,
        }));
        if (unconditioned) entries.push({ name: 'all', spl: '| tstats count from datamodel=Endpoint.Processes by Processes.user | sort Processes.user' });
        await expectEachAsAlone(entries);
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
