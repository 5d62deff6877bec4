// On the real Windows datasets, the block fast path (pre-filter, key picker, first search) gives what decoding every line gives.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstSearchFilter } from '../../src/engine/first-search.js';
import { derivePrefilter, injectedFields } from '../../src/engine/prefilter.js';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { noticeIfNoData, WINDOWS_DATA } from './shared-data.js';

noticeIfNoData('fast path on real data');

const QUERIES = [
  '* | stats count by EventID, Channel',
  'EventID=5861 | stats count by Computer',
  'search Consumer OR consumer | stats count by EventID',
  '* | stats dc(ProcessGuid) as pg count by Image | sort -count, +Image | head 5',
  'process | stats count by EventID, Hostname',
  'EventCode=4688 OR EventID=1 | stats count by host, Computer',
];

/** Every JSON and NDJSON file of the datasets (XML files take the Windows XML reader, not this path). */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return /\.(json|ndjson)$/.test(name) ? [path] : [];
  });
}

async function rows(spl: string, files: string[], fast: boolean): Promise<string[]> {
  const zone = getZone('UTC');
  const query = compile(spl, { now: 1700000000 });
  const opts = {
    zone,
    fields: query.requiredFields ? new Set(query.requiredFields) : null,
    prefilter: fast ? derivePrefilter(query.ast, injectedFields({ mapped: false, defaults: {} })) : null,
    firstSearch: fast ? firstSearchFilter(query.ast, zone, 1700000000) : null,
    pickKeys: fast,
  };
  const out: string[] = [];
  await query.stream(eventBatches(files, opts, newSourceStats(false)), (ev) => out.push(JSON.stringify(ev.toObject())));
  return out;
}

describe.skipIf(WINDOWS_DATA === undefined)('fast path on the real Windows datasets', () => {
  it.each(QUERIES)('%s: same rows with and without the fast path', async (spl) => {
    const files = jsonFiles(WINDOWS_DATA!).sort();
    const fast = await rows(spl, files, true);
    expect(fast).toEqual(await rows(spl, files, false));
  }, 60_000);

  it('finds rows at all (the comparison is not vacuous)', async () => {
    const files = jsonFiles(WINDOWS_DATA!).sort();
    expect((await rows(QUERIES[0]!, files, true)).length).toBeGreaterThan(10);
    expect((await rows(QUERIES[1]!, files, true)).length).toBeGreaterThan(0);
  }, 60_000);
});
