// Units that start mid-file read exactly as one reader would: the windows preset comes from the file's first record.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOneThread, runThreads } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The first record says Mordor (Hostname + EventTime); later ones alone would be detected as SD2 (Computer +
 * TimeGenerated), whose mapping (unlike Mordor's) aliases Computer to ComputerName.
 */
function mordorFile(): string {
  const first = { Hostname: 'WKS-1', EventTime: '2023-11-14 22:00:00', EventID: 4688, Channel: 'Security' };
  const later = Array.from({ length: 60 }, (_, i) => ({ Computer: `WKS-${i % 4}`, TimeGenerated: '2023-11-14 22:00:00', EventID: 4600 + (i % 7) }));
  const path = join(dir, 'mordor.json');
  writeFileSync(path, [first, ...later].map((r) => `${JSON.stringify(r)}\n`).join(''));
  return path;
}

describe('byte-range units', () => {
  it('with --preset windows, a range starting mid-file maps fields by the format of the file\'s first record', async () => {
    const file = mordorFile();
    const query = 'search * | stats count list(EventCode) by ComputerName';
    const one = await runOneThread(query, [file, file], { preset: 'windows' });
    expect(one.rows).toHaveLength(1);
    for (const threads of [2, 3]) {
      const many = await runThreads(query, [file, file], { threads, splitBytes: 256, preset: 'windows', inProcess: true });
      expect(many).toEqual(one);
    }
  });
});
