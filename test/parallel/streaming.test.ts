// Results stream from worker threads in bounded batches with backpressure (issue 16 point 1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planParallelRun, runParallel, type UnitExecutor, type WorkerSetup } from '../../src/parallel/index.js';
import { WorkerPool } from '../../src/parallel/pool.js';
import { BATCH_EVENTS, BATCH_WINDOW } from '../../src/parallel/credits.js';
import { newSourceStats } from '../../src/input/index.js';
import { compileQuery, NOW } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-streaming-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EVENTS = 30_000;
const path = join(dir, 'many.ndjson');
writeFileSync(path, Array.from({ length: EVENTS }, (_, i) => `${JSON.stringify({ n: i, host: `h${i % 7}` })}\n`).join(''));

/** A real worker pool, watched: when each unit settles, and how many batches are received but not yet acknowledged. */
function watchedPool(log: { settled: Set<number>; outstanding: number; maxOutstanding: number }) {
  return (setup: WorkerSetup, threads: number): UnitExecutor => {
    const pool = new WorkerPool(threads, setup);
    return {
      run: (unit, onBatch) =>
        pool
          .run(unit, (events) => {
            log.outstanding++;
            log.maxOutstanding = Math.max(log.maxOutstanding, log.outstanding);
            onBatch(events);
          })
          .then((outcome) => {
            log.settled.add(unit.index);
            return outcome;
          }),
      ack: (index) => {
        log.outstanding--;
        pool.ack(index);
      },
      flush: () => pool.flush(),
      close: () => pool.close(),
    };
  };
}

describe('streamed results', { timeout: 180_000 }, () => {
  it('the first result arrives before its unit has finished, and batches in flight stay within the window', async () => {
    const query = compileQuery('search * | eval m=n*2 | table n m host');
    const plan = await planParallelRun(query, [path], { threads: 2, splitBytes: 64 * 1024 });
    expect(plan!.units.length).toBe(2);
    const log = { settled: new Set<number>(), outstanding: 0, maxOutstanding: 0 };
    let firstSawUnitDone: boolean | null = null;
    let results = 0;
    const job = {
      query, tz: 'UTC', now: NOW, prefilter: null, startExecutor: watchedPool(log),
      source: { fields: query.requiredFields ? new Set(query.requiredFields) : null, strict: false, defaults: {} },
      // A slow reader (stdout): the workers must wait for it rather than pile results up.
      beforeNextUnit: () => new Promise<void>((resolve) => setTimeout(resolve, 5)),
    };
    await runParallel(plan!, job, newSourceStats(false), () => {
      if (results++ === 0) firstSawUnitDone = log.settled.has(0);
    });
    expect(results).toBe(EVENTS);
    expect(firstSawUnitDone).toBe(false);
    // Units ahead (threads + 1) times the window each: never the whole output.
    expect(log.maxOutstanding).toBeLessThanOrEqual(3 * BATCH_WINDOW);
    expect(log.maxOutstanding * BATCH_EVENTS).toBeLessThan(EVENTS);
  });
});
