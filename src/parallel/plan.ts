// Decide whether and how to run a query in parallel: the pipeline split, the thread count, the work units.
import { stat } from 'node:fs/promises';
import { resolveInputs, STDIN } from '../input/index.js';
import type { CompiledQuery } from '../engine/compiled-query.js';
import type { WorkUnit } from './messages.js';
import { splitPipeline, type PipelineSplit } from './split.js';
import { chooseThreads, claimableFiles, DEFAULT_SPLIT_BYTES, planUnits } from './units.js';
import type { ClaimableFile } from './claims.js';
import { releasePrestartedWorkers } from './prestarted.js';

export interface ParallelPlan {
  threads: number;
  /** The units planned beforehand (runs that send events: results come in unit order). */
  units: WorkUnit[];
  split: PipelineSplit;
  /** The inputs as units are claimed from them while the run goes (runs whose units send only tables, claims.ts). */
  files: ClaimableFile[];
  /** The smallest unit claimed from a file (its split size). */
  splitBytes: number;
}

export interface PlanOptions {
  /** Threads asked for (`--threads`); default: all cores, or 1 for a small input. */
  threads?: number;
  /** Split threshold and minimum range size in bytes (tests lower it). */
  splitBytes?: number;
}

/**
 * How to run the query in parallel, or null to run it on the main thread as usual: stdin, a pipeline that does
 * not start with a distributable command, one thread, or a single unit.
 */
export async function planParallelRun(query: CompiledQuery, inputs: readonly string[], opts: PlanOptions = {}): Promise<ParallelPlan | null> {
  const plan = await parallelPlanOf(query, inputs, opts);
  // Workers started ahead on a guess from the command line (prestart.ts) stop now when the run needs none.
  if (!plan) releasePrestartedWorkers();
  return plan;
}

/** The plan, or null for one thread. */
async function parallelPlanOf(query: CompiledQuery, inputs: readonly string[], opts: PlanOptions): Promise<ParallelPlan | null> {
  const split = splitPipeline(query.ast, query.pipeline);
  if (!split || opts.threads === 1) return null;
  const files = await resolveInputs(inputs);
  if (files.includes(STDIN)) return null;
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
  const requested = chooseThreads(opts.threads, sized.reduce((sum, f) => sum + f.size, 0));
  const splitBytes = opts.splitBytes ?? DEFAULT_SPLIT_BYTES;
  const units = planUnits(sized, requested, splitBytes);
  const threads = Math.min(requested, units.length);
  return threads > 1 ? { threads, units, split, files: claimableFiles(sized, splitBytes), splitBytes } : null;
}
