// Full tier (worker threads load the engine through tsx: seconds each). Real worker threads: same results as one thread, malformed records reported at their file:line, --strict, the CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { spawnSplq } from '../helpers/cli.js';
import { runOneThread, runThreads } from './harness.js';

const SPLIT_BYTES = 200;
const MALFORMED_LINE = 57;

/** Line `i` (1-based) of a file: an event, except one malformed line well inside a later byte range. */
function lineText(file: number, i: number): string {
  if (file === 1 && i === MALFORMED_LINE) return '{"host": oops}';
  return JSON.stringify({ host: `h${i % 3}`, n: i / 10, msg: i % 4 === 0 ? `id=${i} error` : `id=${i} ok`, _time: 1700000000 - i });
}

const dir = mkdtempSync(join(tmpdir(), 'splq-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = [0, 1].map((f) => {
  const path = join(dir, `part${f}.json`);
  writeFileSync(path, Array.from({ length: 80 }, (_, i) => `${lineText(f, i + 1)}\n`).join(''));
  return path;
});

// Each run starts workers that load the engine (through tsx from source): allow for a slow, busy machine.
describe('worker threads', { timeout: 180_000 }, () => {
  it('partial stats and shipped events give the one-thread results', async () => {
    for (const query of ['search * | stats count first(n) last(n) list(n) values(msg) by host', 'search error | eval k=n*10 | table host, k']) {
      const one = await runOneThread(query, files);
      expect(await runThreads(query, files, { threads: 2, splitBytes: SPLIT_BYTES }), query).toEqual(one);
    }
  });

  it('a malformed line inside a later range is reported at its file and line, and counted once', async () => {
    const result = await runThreads('search *', files, { threads: 2, splitBytes: SPLIT_BYTES });
    expect(result!.malformed).toHaveLength(1);
    expect(result!.malformed[0]).toMatch(`${files[1]}:${MALFORMED_LINE}: invalid JSON`);
    expect(result!.rows).toHaveLength(159);
    expect(result).toEqual(await runOneThread('search *', files));
  });

  it('--strict fails the run with the same SplError as one thread', async () => {
    const failure = async (run: Promise<unknown>) => run.then(() => null, (e: unknown) => e);
    const one = await failure(runOneThread('search *', files, { strict: true }));
    const two = await failure(runThreads('search *', files, { threads: 2, splitBytes: SPLIT_BYTES, strict: true }));
    expect(two).toBeInstanceOf(SplError);
    expect(one).toBeInstanceOf(SplError);
    expect({ code: (two as SplError).code, message: (two as SplError).message, hints: (two as SplError).hints }).toEqual({
      code: 'malformed-input',
      message: (one as SplError).message,
      hints: (one as SplError).hints,
    });
    expect((two as SplError).message).toContain(`${files[1]}:${MALFORMED_LINE}:`);
  });

  it('the CLI from source starts tsx-loaded workers and prints what --threads 1 prints', () => {
    const env = { SPLQ_SPLIT_BYTES: String(SPLIT_BYTES) };
    const args = ['run', 'search * | stats count list(n) by host', '-i', dir, '-o', 'ndjson', '-v'];
    const one = spawnSplq([...args, '--threads', '1'], undefined, env);
    const two = spawnSplq([...args, '--threads', '2'], undefined, env);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const withoutElapsed = (text: string) => text.replace(/elapsed=\S+/, '');
    expect(withoutElapsed(two.stderr)).toBe(withoutElapsed(one.stderr));
    expect(two.stderr).toContain('events_matched=159 results=3 malformed=1');
  });
});
