// A finite sort over threads keeps each unit's top N in its worker: same rows as one thread, far fewer sent to the main thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newSourceStats } from '../../src/input/index.js';
import { planParallelRun, runParallel } from '../../src/parallel/index.js';
import type { UnitExecutor } from '../../src/parallel/pool.js';
import type { WorkerSetup } from '../../src/parallel/messages.js';
import type { Event } from '../../src/runtime/event.js';
import { compile } from '../../src/index.js';
import { compileQuery, inProcessExecutor, NOW, runOneThread, storedFields } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-sort-top-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3,000 events with few distinct sort keys (many ties: input order must decide among them). */
function tiedFile(): string {
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ n: i, k: (i * 7919) % 13, h: `h${i % 5}` }));
  const path = join(dir, 'tied.ndjson');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs units in-process and counts the events the units send to the main thread. */
function countingExecutor(sent: { events: number }) {
  return (setup: WorkerSetup, threads: number): UnitExecutor => {
    const inner = inProcessExecutor(setup, threads);
    return {
      ...inner,
      run: (unit, onBatch) => inner.run(unit, (batch) => {
        let i = 0;
        while (i < batch.fields.length) {
          const count = batch.fields[i] as number;
          sent.events++;
          i += 1 + 2 * count;
        }
        onBatch(batch);
      }),
    };
  };
}

describe('sort N over threads', () => {
  const file = tiedFile();
  for (const query of ['search * | sort 40 k', 'search * | sort 25 -k, h', 'search * | eval x=k*2 | sort 10 x | head 3']) {
    it(`${query}: same rows as one thread, each unit sends at most its top N`, async () => {
      const one = await runOneThread(query, [file]);
      const compiled = compileQuery(query);
      const plan = await planParallelRun(compiled, [file], { threads: 3, splitBytes: 4096 });
      expect(plan).not.toBeNull();
      expect(plan!.split.perUnit).toBe(true);
      const sent = { events: 0 };
      const rows: Event[] = [];
      const job = { query: compiled, tz: 'UTC', now: NOW, source: { fields: compiled.requiredFields as Set<string> | null }, prefilter: null, startExecutor: countingExecutor(sent) };
      await runParallel(plan!, job, newSourceStats(false), (ev) => void rows.push(ev));
      expect(rows.map(storedFields)).toEqual(one.rows);
      const n = Number(/sort (\d+)/.exec(query)![1]);
      // Without the per-unit top N every one of the 3,000 events crosses to the main thread.
      expect(sent.events).toBeLessThanOrEqual(plan!.units.length * n);
      expect(plan!.units.length).toBe(3);
    });
  }

  it('sort 0 (keep everything) has nothing to cut in the workers', async () => {
    const compiled = compileQuery('search * | sort 0 k');
    const plan = await planParallelRun(compiled, [file], { threads: 2, splitBytes: 4096 });
    expect(plan!.split.perUnit).toBe(false);
  });
});

describe('memory budget in worker threads', () => {
  it('a partial stats by a unique field fails with memory-limit in the worker, rebuilt on the main thread', async () => {
    const path = join(dir, 'wide.ndjson');
    writeFileSync(path, `${Array.from({ length: 3000 }, (_, i) => JSON.stringify({ text: `${'y'.repeat(1000)}${i}` })).join('\n')}\n`);
    const query = compile('search * | stats count by text', { maxMemoryMb: 1, timeZone: 'UTC', now: NOW });
    const plan = await planParallelRun(query, [path], { threads: 2, splitBytes: 4096 });
    expect(plan!.split.partialStats).not.toBeNull();
    const job = { query, tz: 'UTC', now: NOW, source: { fields: query.requiredFields as Set<string> | null }, prefilter: null, startExecutor: inProcessExecutor };
    await expect(runParallel(plan!, job, newSourceStats(false), () => undefined)).rejects.toMatchObject({ code: 'memory-limit', message: expect.stringMatching(/^stats: /) });
  });

  it('eventstats over threads holds its events on the main thread within the budget too', async () => {
    const path = join(dir, 'wide2.ndjson');
    writeFileSync(path, `${Array.from({ length: 3000 }, (_, i) => JSON.stringify({ h: `h${i % 3}`, text: `${'z'.repeat(1000)}${i}` })).join('\n')}\n`);
    const query = compile('search * | eventstats count by h', { maxMemoryMb: 1, timeZone: 'UTC', now: NOW });
    const plan = await planParallelRun(query, [path], { threads: 2, splitBytes: 4096 });
    expect(plan).not.toBeNull();
    const job = { query, tz: 'UTC', now: NOW, source: { fields: query.requiredFields as Set<string> | null }, prefilter: null, startExecutor: inProcessExecutor };
    await expect(runParallel(plan!, job, newSourceStats(false), () => undefined)).rejects.toMatchObject({ code: 'memory-limit', message: expect.stringMatching(/^eventstats: /) });
  });
});
