// The real `splq` process (main.ts from source): one start-up, to show it reads a query from stdin, runs it and exits 0.
// Everything else about the CLI runs in-process (run.test.ts); more process-level tests are in process.full.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSplq, tempFiles } from '../helpers/cli.js';

describe('splq as a process', () => {
  it('reads the query from stdin when inputs are files, prints ndjson and exits 0', () => {
    const dir = tempFiles({ 'e.json': '{"host":"a","n":1}\n{"host":"b","n":2}\n' });
    const r = spawnSplq(['run', '-i', join(dir, 'e.json'), '-o', 'ndjson'], 'host=b | table n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"n":2}\n');
    expect(r.status).toBe(0);
  });
});
