// An empty query is a usage error (exit 64), wherever it comes from (issue 16 point 4).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSplq, splq, tempFiles } from '../helpers/cli.js';

describe('empty query', () => {
  const dir = tempFiles({ 'f.ndjson': '{"a":1}\n{"a":2}\n', 'blank.spl': '  \n' });
  const data = join(dir, 'f.ndjson');

  it('an empty or blank argument, an empty query file and an empty stdin all exit 64 and print nothing', async () => {
    for (const args of [['run', '', '-i', data], ['run', '   ', '-i', data], ['run', '-q', join(dir, 'blank.spl'), '-i', data], ['run', '-i', data]]) {
      // Only the query read from (empty, not a terminal) stdin needs a process of its own.
      const r = args.length === 3 ? spawnSplq(args, '') : await splq(args);
      expect(r.status, args.join(' ')).toBe(64);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/empty query/);
    }
  }, 120_000);
});
