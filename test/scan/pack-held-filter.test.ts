// Pack map members hold only the events their searches can use: the rows equal single runs, and a filled search the held events cannot serve re-reads.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_TOKEN } from '../../src/commands/map.js';
import { parseSearchExpression } from '../../src/parse/parse.js';
import { compile } from '../../src/query.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { runPack, type PackEntry } from '../../src/scan/pack.js';
import { detectionRows } from '../helpers/pack-rows.js';
import { constantCondition, implies } from '../../src/scan/pack-held-filter.js';

const NOW = 1_700_000_000;
const COUNT = 2000;

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-pack-held-'));
  data = join(dir, 'events.ndjson');
  writeNdjson(data, generateWindowsEvents({ seed: 9, count: COUNT }));
});

async function alone(spl: string): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of compile(spl, { now: NOW }).runFiles([data])) rows.push(JSON.stringify(row.toObject()));
  return rows;
}

/** Run the entries as a pack; expect each detection's rows to be its single run's; the result. */
async function expectEachAsAlone(entries: PackEntry[]): Promise<Awaited<ReturnType<typeof runPack>>> {
  const result = await runPack(entries, [data], { now: NOW });
  expect(result.failed).toEqual([]);
  for (const { name, spl } of entries) {
    const packed = detectionRows(result, name);
    expect(packed, name).toEqual(await alone(spl));
  }
  return result;
}

describe('held filter conditions', () => {
  it('keeps the template conjuncts without the token, and none when the token is in every part', () => {
    expect(constantCondition(parseSearchExpression(`EventCode=4624 host=${REPLAY_TOKEN}`))).toEqual([{ field: 'EventCode', kind: 'exact', text: '4624' }]);
    expect(constantCondition(parseSearchExpression(`EventCode=${REPLAY_TOKEN} OR host=a`))).toBeNull();
    expect(constantCondition(parseSearchExpression(REPLAY_TOKEN))).toBeNull();
  });

  it('says a filled search implies the held atoms only when each of its ways to match meets one', () => {
    const held = constantCondition(parseSearchExpression(`(EventCode=4624 OR EventCode=4625) host=${REPLAY_TOKEN}`))!;
    expect(implies(parseSearchExpression('EventCode=4624 host="WKS-1"'), held)).toBe(true);
    expect(implies(parseSearchExpression('EventCode=4625 host=x OR host=y'), held)).toBe(true);
    expect(implies(parseSearchExpression('EventCode=4624 OR EventCode=1'), held)).toBe(false);
    expect(implies(parseSearchExpression('host=x'), held)).toBe(false);
    const piece = constantCondition(parseSearchExpression(`Image="*\\\\powershell.exe" host=${REPLAY_TOKEN}`))!;
    expect(implies(parseSearchExpression('Image="C:\\\\Windows\\\\powershell.exe"'), piece)).toBe(true);
  });
});

describe('map members in a pack', () => {
  it('hold only the events their first search and replays can use, with the rows of their single runs', async () => {
    const entries: PackEntry[] = [
      { name: 'per host', spl: 'EventCode=4624 | stats count by host | sort host | head 3 | map search="search EventCode=4688 host=$host$ | stats count as procs by host"' },
      { name: 'appendpipe', spl: 'EventCode=4688 | stats count by host | sort host | head 2 | appendpipe [| map search="search EventCode=4624 host=$host$ | stats count as n by host"]' },
    ];
    const result = await expectEachAsAlone(entries);
    for (const d of result.detections) {
      expect(d.scan, d.name).toBe('shared');
      expect(d.eventsReached, d.name).toBeGreaterThan(0);
      expect(d.eventsReached, d.name).toBeLessThan(COUNT);
    }
  });

  it('re-read the inputs when a filled search could keep events that were not held (a value that adds an OR)', async () => {
    const spl = 'EventCode=4688 | stats count by host | sort host | head 1 | eval more="OR EventCode=1" | map search="search EventCode=4624 $more$ | stats count by EventCode"';
    const result = await expectEachAsAlone([{ name: 'or value', spl }, { name: 'plain', spl: 'EventCode=1 | stats count' }]);
    expect(result.detections.find((d) => d.name === 'or value')!.scan).toBe('own');
    expect(result.rows.filter((r) => r.get('detection') === 'or value').map((r) => r.get('EventCode')).sort()).toEqual([1, 4624]);
  });

  it('give the rows of their single runs for any template of constant and filled terms (property)', async () => {
    const term = fc.constantFrom('EventCode=4624', 'EventCode=4688', 'EventCode=$code$', 'host=$host$', '$extra$', 'NOT EventCode=1', 'sourcetype=*Security');
    const extra = fc.constantFrom('', 'OR EventCode=1', 'EventCode=4624', 'host=*');
    await fc.assert(
      fc.asyncProperty(fc.array(term, { minLength: 1, maxLength: 3 }), extra, async (terms, more) => {
        const template = `search ${terms.join(' ')} | stats count by host EventCode | sort host EventCode | head 3`;
        const spl = `EventCode=4624 OR EventCode=4688 | stats count by host EventCode | sort host EventCode | head 2 | eval code=EventCode, extra="${more}" | map search="${template}"`;
        await expectEachAsAlone([{ name: 'map', spl }, { name: 'other', spl: 'EventCode=4624 | stats count by host | sort host | head 2' }]);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
