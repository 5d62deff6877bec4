// Pack subsearch rounds: sibling subsearches share a round, nested ones run after what they hold, and rows equal single runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { runPack, type PackEntry } from '../../src/scan/pack.js';
import { detectionRows } from '../helpers/pack-rows.js';
import { subsearchLevels } from '../../src/scan/pack-round-levels.js';

const NOW = 1_700_000_000;

const SIBLINGS = 'EventCode=4688 | stats count by host | join type=left host [search EventCode=4624 | stats count as logons by host] | join type=left host [search EventCode=1 | stats count as procs by host] | sort host';
const NESTED = 'EventCode=4688 | stats count by host | join type=left host [search EventCode=4624 | stats count as logons by host | join type=left host [search EventCode=3 | stats count as conns by host]] | sort host';
const BOTH = 'EventCode=4688 | stats count by host | append [search EventCode=4624 | stats count by host | join host [search EventCode=3 | stats count as conns by host]] | join type=left host [search EventCode=1 | stats count as procs by host] | sort host';

/** The pre-run subsearches' levels, each as the index (in compile order) of its subsearches. */
function levelsOf(spl: string): number[][] {
  const subs = compile(spl, { now: NOW }).pipeline.subsearches.filter((s) => s.prerun && !s.generating);
  return subsearchLevels(subs).map((level) => level.map((s) => subs.indexOf(s)));
}

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-pack-rounds-'));
  data = join(dir, 'events.ndjson');
  writeNdjson(data, generateWindowsEvents({ seed: 11, count: 2000 }));
});

async function alone(spl: string): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of compile(spl, { now: NOW }).runFiles([data])) rows.push(JSON.stringify(row.toObject()));
  return rows;
}

describe('pack subsearch rounds', () => {
  it('puts siblings on one level and a subsearch after the ones nested inside it', () => {
    expect(levelsOf(SIBLINGS)).toEqual([[0, 1]]);
    expect(levelsOf(NESTED)).toEqual([[0], [1]]);
    // Compile order is innermost first: the nested join (0), its append (1), the sibling join (2).
    expect(levelsOf(BOTH)).toEqual([[0, 2], [1]]);
  });

  it('gives members with sibling and nested subsearches the rows of their single runs', async () => {
    const entries: PackEntry[] = [
      { name: 'siblings', spl: SIBLINGS },
      { name: 'nested', spl: NESTED },
      { name: 'both', spl: BOTH },
    ];
    const result = await runPack(entries, [data], { now: NOW });
    expect(result.failed).toEqual([]);
    for (const { name, spl } of entries) {
      const packed = detectionRows(result, name);
      const own = await alone(spl);
      expect(own.length, name).toBeGreaterThan(0);
      expect(packed, name).toEqual(own);
    }
  });
});
