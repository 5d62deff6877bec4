// Pack mode over the ESCU corpus, one shard of it: each compiling detection gives in the pack exactly the rows it gives alone.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LookupLibrary } from '../../src/lookups/index.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { compile } from '../../src/query.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { compilePack, readPackEntries, runPack } from '../../src/scan/pack.js';
import { REPO } from '../helpers/cli.js';

const ESCU = join(REPO, '../shared/corpus/security_content');
const present = existsSync(join(ESCU, 'detections'));
if (!present) console.warn(`pack-escu tests: skipped, ${ESCU} is absent (the ESCU corpus lives in ../shared)`);

const NOW = 1_700_000_000;

/**
 * The test for detections number shard, shard + shards, ... of the pack: each shard runs the whole pack (all
 * detections share the scan) and compares its own members with their single runs. Two shard files run on two
 * test workers, halving the full tier's longest file.
 */
export function describePackShard(shard: number, shards: number): void {
  describe.skipIf(!present)(`a pack of every compiling ESCU detection (shard ${shard + 1} of ${shards})`, () => {
    it('gives each detection its own rows over 2,500 generated Windows events', async () => {
      const data = join(mkdtempSync(join(tmpdir(), 'splq-pack-escu-')), 'events.ndjson');
      writeNdjson(data, generateWindowsEvents({ seed: 11, count: 2500 }));
      const { entries } = readPackEntries([join(ESCU, 'detections')]);
      // Loaded once, shared by the pack and the single runs.
      const options = { macros: MacroLibrary.load([join(ESCU, 'macros')]), lookups: LookupLibrary.load({ paths: [join(ESCU, 'lookups')] }), now: NOW };
      const pack = compilePack(entries, options);
      expect(pack.members.length).toBeGreaterThan(1000);
      const result = await runPack(pack, [data]);
      expect(result.failed.filter((f) => !pack.failed.includes(f))).toEqual([]);
      const packed = new Map<string, string[]>();
      for (const row of result.rows) {
        const { detection, ...rest } = row.toObject();
        const list = packed.get(String(detection)) ?? [];
        list.push(JSON.stringify(rest));
        packed.set(String(detection), list);
      }
      const count = new Map<string, number>();
      for (const m of pack.members) count.set(m.name, (count.get(m.name) ?? 0) + 1);
      let withRows = 0;
      for (const [index, member] of pack.members.entries()) {
        if (index % shards !== shard) continue;
        // A name shared by two detections mixes their rows: only detections with a name of their own are compared.
        if (count.get(member.name)! > 1) continue;
        const alone: string[] = [];
        for await (const row of compile(member.query.text, options).runFiles([data])) alone.push(JSON.stringify(row.toObject()));
        expect(packed.get(member.name) ?? [], member.name).toEqual(alone);
        if (alone.length) withRows++;
      }
      // The generated fleet fires some detections of each shard: the comparison is not between empty lists only.
      expect(withRows).toBeGreaterThan(0);
    }, 1_800_000);
  });
}
