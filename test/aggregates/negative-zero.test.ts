// BY values 0 and -0: stats groups by a value's text, so they are two groups, the same at 1 and 2 threads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOneThread, runThreads } from '../parallel/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-negzero-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two files (over 4 KiB: the key locator reads them): the first sees -0 before 0, the second 0 before -0. */
function files(): string[] {
  const lines = (first: string, second: string) => Array.from({ length: 100 }, (_, i) => `{"x":${i % 3 === 0 ? first : i % 3 === 1 ? second : 1},"pad":"${'p'.repeat(40)}"}\n`).join('');
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  writeFileSync(a, lines('-0', '0'));
  writeFileSync(b, lines('0', '-0'));
  return [a, b];
}

describe('stats by a field holding 0 and -0', () => {
  it('gives a group per text, 0 and -0, at 1 thread and at 2 threads', async () => {
    const inputs = files();
    for (const query of ['search * | stats count by x', 'search * | stats count, max(pad) as m by x', 'search * | stats count by x, pad']) {
      const one = await runOneThread(query, inputs);
      const two = await runThreads(query, inputs, { threads: 2, splitBytes: 256, inProcess: true });
      // Each row's x keeps its own sign: 1/x tells -0 from 0.
      const signs = one.rows.map((row) => row.filter(([name]) => name === 'x').map(([, v]) => (v === 0 ? (1 / (v as number) < 0 ? '-0' : '0') : String(v)))[0]);
      expect(signs).toEqual(['-0', '0', '1']);
      expect(one.rows.map((row) => row.find(([name]) => name === 'count')?.[1])).toEqual([67, 67, 66]);
      expect(two).not.toBeNull();
      expect(two!.rows).toEqual(one.rows);
    }
  });
});
