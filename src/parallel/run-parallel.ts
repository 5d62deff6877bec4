// Run a query over worker threads: plan units, consume their results in unit order, finish on the main thread.
import { stat } from 'node:fs/promises';
import { GroupTable } from '../aggregates/index.js';
import { createCompileContext } from '../engine/compile-pipeline.js';
import { resolveInputs, STDIN } from '../input/index.js';
import type { Query } from '../query.js';
import type { SourceStats } from '../run/event-source.js';
import type { Event } from '../runtime/event.js';
import { getZone } from '../time/zone.js';
import { decodeEvents } from './event-codec.js';
import type { PrefilterSpec, SourceSpec, UnitResult, WorkerSetup, WorkUnit } from './messages.js';
import { compileStatsAggregation, tableOfGroups } from './partial-stats.js';
import { WorkerPool, type UnitExecutor, type UnitOutcome } from './pool.js';
import { splitPipeline, type PipelineSplit } from './split.js';
import { callbackStage, chainStages } from './stages.js';
import { chooseThreads, planUnits } from './units.js';

export interface ParallelPlan {
  threads: number;
  units: WorkUnit[];
  split: PipelineSplit;
}

export interface PlanOptions {
  /** Threads asked for (`--threads`); default: all cores, or 1 for a small input. */
  threads?: number;
  /** Split threshold and minimum range size in bytes (tests lower it). */
  splitBytes?: number;
}

/** Unit results held at most this many units ahead of the one being consumed, per thread. */
const UNITS_AHEAD_PER_THREAD = 2;

/**
 * How to run the query in parallel, or null to run it on the main thread as usual: stdin, a pipeline that does
 * not start with a distributable command, one thread, or a single unit.
 */
export async function planParallelRun(query: Query, inputs: readonly string[], opts: PlanOptions = {}): Promise<ParallelPlan | null> {
  const split = splitPipeline(query.ast, query.pipeline);
  if (!split || opts.threads === 1) return null;
  const files = await resolveInputs(inputs);
  if (files.includes(STDIN)) return null;
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
  const requested = chooseThreads(opts.threads, sized.reduce((sum, f) => sum + f.size, 0));
  const units = planUnits(sized, requested, opts.splitBytes);
  const threads = Math.min(requested, units.length);
  return threads > 1 ? { threads, units, split } : null;
}

export interface ParallelJob {
  /** The query as compiled on the main thread (its AST is what workers compile). */
  query: Query;
  /** Zone name and "now" the query was compiled with. */
  tz: string;
  now: number;
  source: SourceSpec;
  prefilter: PrefilterSpec | null;
  onFile?: (file: string, format: string) => void;
  /** Where units run; default a pool of worker threads (tests run them in-process to try many inputs quickly). */
  startExecutor?: (setup: WorkerSetup, threads: number) => UnitExecutor;
}

const startWorkerPool = (setup: WorkerSetup, threads: number): UnitExecutor => new WorkerPool(threads, setup);

/** Run the plan; results reach `onResult` in the order `--threads 1` gives. Returns the search's match count. */
export async function runParallel(plan: ParallelPlan, job: ParallelJob, stats: SourceStats, onResult: (ev: Event) => void): Promise<{ matched: number }> {
  const { split } = plan;
  const suffix = chainStages(job.query.pipeline.commands.slice(split.suffixStart), callbackStage(onResult));
  const aggregation = split.partialStats ? compileStatsAggregation(split.partialStats, createCompileContext(getZone(job.tz), job.now)) : null;
  const merged = aggregation ? new GroupTable(aggregation) : null;
  const setup: WorkerSetup = { ast: job.query.ast, tz: job.tz, now: job.now, source: job.source, prefilter: job.prefilter, split };
  const pool = (job.startExecutor ?? startWorkerPool)(setup, plan.threads);
  let matched = 0;
  try {
    for await (const result of resultsInOrder(pool, plan.units, plan.threads * UNITS_AHEAD_PER_THREAD)) {
      addCounters(stats, result);
      matched += result.matched;
      for (const [file, format] of result.formats) job.onFile?.(file, format);
      const { payload } = result;
      if (payload.kind === 'groups') merged!.merge(tableOfGroups(aggregation!, payload.groups));
      else decodeEvents(payload, (ev) => suffix.push(ev));
    }
  } finally {
    await pool.close();
  }
  if (merged) for (const row of merged.rows()) suffix.push(row);
  suffix.end();
  return { matched };
}

/** Unit results in unit order, keeping at most `ahead` units queued, running or finished but not yet consumed. */
async function* resultsInOrder(pool: UnitExecutor, units: readonly WorkUnit[], ahead: number): AsyncGenerator<UnitResult> {
  const pending: Array<Promise<UnitOutcome>> = [];
  let next = 0;
  for (;;) {
    while (next < units.length && pending.length < ahead) pending.push(pool.run(units[next++]!));
    const outcome = await pending.shift();
    if (!outcome) return;
    if (!outcome.ok) throw outcome.error;
    yield outcome.result;
  }
}

function addCounters(stats: SourceStats, result: UnitResult): void {
  stats.files += result.files;
  stats.eventsRead += result.eventsRead;
  stats.eventsSkipped += result.eventsSkipped;
  stats.eventsKept += result.eventsKept;
  // Units arrive in input order, so the report keeps the same first records as one reader would.
  for (const error of result.malformedKept) stats.malformed.add(error);
  stats.malformed.count += result.malformedCount - result.malformedKept.length;
}
