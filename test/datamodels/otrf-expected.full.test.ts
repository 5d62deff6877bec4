// Every line of ../shared/datasets/windows/otrf_atomic/EXPECTED.tsv: ESCU tstats detections over real OTRF recordings
// (Sysmon 1 + Security 4688 → Endpoint.Processes), run as the README says, rows compared in full with EXPECTED.rows.txt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/corpus.js';
import { ndjsonRows } from '../windows-acceptance/shared-data.js';
import { splq } from '../helpers/cli.js';

const shared = sharedDir();
const dir = shared === undefined ? undefined : join(shared, 'datasets/windows/otrf_atomic');
const corpus = shared === undefined ? undefined : join(shared, 'corpus/security_content');
const present = dir !== undefined && existsSync(join(dir, 'EXPECTED.tsv')) && corpus !== undefined && existsSync(corpus);
if (!present) console.warn('skipping the otrf_atomic EXPECTED.tsv checks: ../shared/datasets/windows/otrf_atomic or the corpus is not present (set SPLQ_SHARED)');

interface ExpectedLine {
  detection: string;
  recording: string;
  rows: number;
  processNames: string[];
  users: string[];
}

interface ExpectedRows {
  detection: string;
  by: string[];
  rows: Array<Record<string, unknown>>;
}

function expectedLines(): ExpectedLine[] {
  const [, ...lines] = readFileSync(join(dir!, 'EXPECTED.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const [detection, recording, rows, names, users] = line.split('\t');
    const list = (s: string | undefined) => (s ? s.split(',') : []);
    return { detection: detection!, recording: recording!, rows: Number(rows), processNames: list(names), users: list(users) };
  });
}

const sortKey = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).sort());

describe.skipIf(!present)('otrf_atomic EXPECTED.tsv (tstats over Endpoint.Processes)', () => {
  const lines = present ? expectedLines() : [];
  const fullRows: ExpectedRows[] = present ? JSON.parse(readFileSync(join(dir!, 'EXPECTED.rows.txt'), 'utf8')) : [];
  it('has lines to check', () => expect(lines.length).toBeGreaterThan(0));
  for (const line of lines) {
    it(`${line.detection} over ${line.recording}: ${line.rows} rows`, async () => {
      const result = await splq([
        'run', '--detection', join(corpus!, 'detections', line.detection), '-m', join(corpus!, 'macros'),
        '--preset', 'windows', '-i', join(dir!, line.recording), '-o', 'ndjson', '--tz', 'UTC',
      ]);
      const rows = ndjsonRows(result);
      expect(rows).toHaveLength(line.rows);
      expect(rows.map((r) => String(r.process_name)).sort()).toEqual([...line.processNames].sort());
      expect(rows.map((r) => String(r.user)).sort()).toEqual([...line.users].sort());
      const full = fullRows.find((f) => f.detection === line.detection);
      expect(full, 'EXPECTED.rows.txt has the detection').toBeDefined();
      const got = rows.map((r) => Object.fromEntries([...full!.by, 'count'].map((k) => [k, r[k]])));
      expect(got.map(sortKey).sort()).toEqual(full!.rows.map(sortKey).sort());
      for (const r of rows) {
        expect(typeof r.firstTime).toBe('string');
        expect(typeof r.lastTime).toBe('string');
      }
    });
  }
});
