// Pre-starting pool workers: the command-line guess matches the planner, and the registry hands out and releases workers.
import fc from 'fast-check';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planParallelRun } from '../../src/parallel/plan.js';
import { prestartCount, readRunArgs } from '../../src/parallel/prestart-count.js';
import { offerPrestartedWorker, prestartedCount, releasePrestartedWorkers, takePrestartedWorker } from '../../src/parallel/prestarted.js';
import { Worker } from 'node:worker_threads';
import { compileQuery } from './harness.js';
import { fuzzRuns } from '../helpers/tier.js';

const MIB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'splq-prestart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plain NDJSON file of `size` bytes: real lines at its head (what the planner sniffs), a sparse rest. */
function sizedFile(name: string, size: number): string {
  const path = join(dir, name);
  writeFileSync(path, '{"a":1}\n'.repeat(512));
  truncateSync(path, size);
  return path;
}

const argv = (...args: string[]) => ['node', 'splq', ...args];
const sizes: Record<string, number> = { 'big.json': 200 * MIB, 'small.json': 10 * MIB, 'big.json.gz': 200 * MIB };
const probe = (path: string) => sizes[path];

describe('readRunArgs', () => {
  it('reads the command, variadic inputs, --threads in both forms, --detection and --pack', () => {
    expect(readRunArgs(argv('run', 'search *', '-i', 'a', 'b', '--threads', '3', '-o', 'ndjson'))).toEqual({
      command: 'run', inputs: ['a', 'b'], threads: '3', detections: [], pack: false,
    });
    expect(readRunArgs(argv('run', '--input=a', '--threads=2', '--detection', 'x.yml', 'y.yml', '--pack'))).toEqual({
      command: 'run', inputs: ['a'], threads: '2', detections: ['x.yml', 'y.yml'], pack: true,
    });
    expect(readRunArgs(argv('run', '-i', '-', '--', '-i', 'b')).inputs).toEqual(['-']);
  });
});

describe('prestartCount', () => {
  it('one worker fewer than the threads a large input gets', () => {
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json'), probe, 2)).toBe(1);
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json', '--threads', '4'), probe, 2)).toBe(3);
  });
  it('none for a small input, one thread, a .gz file alone, stdin, a pack, another command or an unknown path', () => {
    expect(prestartCount(argv('run', 'search *', '-i', 'small.json'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json', '--threads', '1'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json.gz'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json', '-'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', '-i', 'big.json', '--detection', 'a.yml', 'b.yml'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', '-i', 'big.json', '--pack'), probe, 2)).toBe(0);
    expect(prestartCount(argv('parse', 'search *', '-i', 'big.json'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', 'search *', '-i', 'folder'), probe, 2)).toBe(0);
    expect(prestartCount(argv('run', 'search *', '-i', 'big.json', '--threads', 'x'), probe, 2)).toBe(0);
  });

  it('law: for regular files and a distributable query, the guess is the planner\'s workers (its threads less the main thread)', async () => {
    const fileSizes = fc.array(fc.integer({ min: 4096, max: 120 * MIB }), { minLength: 1, maxLength: 3 });
    const threads = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });
    const query = compileQuery('search * | stats count by a');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fileSizes, threads, async (list, requested) => {
        const files = list.map((size, i) => sizedFile(`f${run}-${i}.json`, size));
        run++;
        const plan = await planParallelRun(query, files, { threads: requested });
        const args = argv('run', 'search * | stats count by a', '-i', ...files, ...(requested === undefined ? [] : ['--threads', String(requested)]));
        const regular = (path: string) => list[files.indexOf(path)];
        expect(prestartCount(args, regular, availableParallelism())).toBe(plan ? plan.threads - 1 : 0);
      }),
      { numRuns: fuzzRuns(25, 100) },
    );
  });
});

describe('workers started ahead', () => {
  const idle = () => new Worker('setInterval(() => {}, 1000)', { eval: true });

  it('are taken in order, skipping one that failed; the rest are stopped on release', async () => {
    const failing = new Worker('throw new Error("boom")', { eval: true });
    offerPrestartedWorker(failing);
    await new Promise((resolve) => failing.once('exit', resolve));
    const [first, second] = [idle(), idle()];
    offerPrestartedWorker(first);
    offerPrestartedWorker(second);
    expect(prestartedCount()).toBe(3);
    expect(takePrestartedWorker()).toBe(first);
    const stopped = new Promise((resolve) => second.once('exit', resolve));
    releasePrestartedWorkers();
    expect(prestartedCount()).toBe(0);
    await stopped;
    expect(takePrestartedWorker()).toBeUndefined();
    await first.terminate();
  });
});
