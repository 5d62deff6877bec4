// Real Windows event files from ../shared/datasets: record counts match MANIFEST.tsv and every event decodes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDecoder, isDecodeError } from '../../src/input/json/decode.js';
import { readRecords } from '../../src/input/sources/records.js';
import { getZone } from '../../src/time/zone.js';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const windows = path.join(shared, 'datasets/windows');
const available = existsSync(path.join(windows, 'MANIFEST.tsv'));
if (!available) console.warn(`datasets.test: ${windows} not found; skipping the real-data input check`);

/** JSON files listed in the manifest with their event counts (paths made relative to the folder on disk). */
function manifestJsonFiles(): Array<{ file: string; events: number }> {
  const rows = readFileSync(path.join(windows, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((row) => row.split('\t'))
    .filter(([file, , , events]) => /\.(nd)?json$/.test(file!) && events !== '')
    .map(([file, , , events]) => {
      const direct = path.join(windows, file!);
      const located = existsSync(direct) ? direct : path.join(windows, file!.split('/').slice(1).join('/'));
      return { file: located, events: Number(events) };
    });
}

describe.skipIf(!available)('shared Windows datasets', () => {
  it('reads each JSON file (NDJSON and array layouts) with the manifest event count, all decodable with a _time', async () => {
    const decode = createDecoder({ zone: getZone('UTC') });
    const files = manifestJsonFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const { file, events } of files) {
      let count = 0;
      const problems: string[] = [];
      for await (const batch of readRecords([file])) {
        for (const record of batch) {
          count++;
          const event = decode(record);
          if (isDecodeError(event)) problems.push(`${record.line}: ${event.message}`);
          else if (typeof event.get('_time') !== 'number') problems.push(`${record.line}: no _time`);
        }
      }
      expect({ file, count, problems: problems.slice(0, 3) }).toEqual({ file, count: events, problems: [] });
    }
  }, 60_000);
});
