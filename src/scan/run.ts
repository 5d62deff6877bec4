// Carry out a scan plan: read the inputs (on worker threads when planned), run the pipeline, count what happened.
import { scanPrefilter } from '../engine/prefilter.js';
import { firstSearchFilter } from '../engine/first-search.js';
import { runAsync } from '../engine/run.js';
import { eventBatches, newSourceStats, type SourceStats } from '../input/index.js';
import { runParallel } from '../parallel/index.js';
import type { Event } from '../runtime/event.js';
import type { SubsearchInputs } from '../engine/run-services.js';
import type { ScanPlan } from './plan.js';
import { summarize, type ScanSummary } from './summary.js';
import { nowMs } from '../util/clock.js';

/** Hooks of one scan run. */
export interface ScanHooks {
  /** Awaited between batches or units, so results never pile up (e.g. until stdout drains). */
  pace?: () => Promise<void>;
  /** The run's counters as they grow (a progress display reads them). */
  onStats?: (stats: SourceStats) => void;
}

/** The same batches, the next one read only once `pace` resolves. */
async function* paced<T>(batches: AsyncIterable<T>, pace: (() => Promise<void>) | undefined): AsyncGenerator<T> {
  for await (const batch of batches) {
    yield batch;
    if (pace) await pace();
  }
}

/**
 * Subsearches (join, append) re-read the same files with the same options, decoding the fields they need, with no
 * pre-filter. Standard input cannot be read twice: then nothing is supplied and the runner holds the events.
 */
function rereadInputs(plan: ScanPlan): SubsearchInputs | null {
  if (plan.inputs.includes('-')) return null;
  return {
    replayBatches: (fields) => {
      const source = { ...plan.source, fields: fields ? new Set(fields) : null, zone: plan.zone, prefilter: null, firstSearch: null };
      return eventBatches(plan.inputs, source, newSourceStats(plan.source.strict ?? false));
    },
  };
}

/** Run the plan; each result reaches `onResult` in input order. Resolves to the run's summary. */
export async function runScan(plan: ScanPlan, onResult: (ev: Event) => void, hooks: ScanHooks = {}): Promise<ScanSummary> {
  const started = nowMs();
  const stats = newSourceStats(plan.source.strict ?? false);
  hooks.onStats?.(stats);
  const { query } = plan;
  let results = 0;
  const emit = (ev: Event): void => {
    results++;
    onResult(ev);
  };
  let matched: number;
  if (plan.parallel) {
    const job = {
      query, tz: query.timeZone, now: query.now, source: plan.source, prefilter: plan.prefilter, onFile: plan.onFile, beforeNextUnit: hooks.pace,
    };
    matched = (await runParallel(plan.parallel, job, stats, emit)).matched;
  } else {
    const prefilter = plan.prefilter ? scanPrefilter(query.ast, query.pipeline, plan.prefilter) : null;
    const firstSearch = plan.prefilter ? firstSearchFilter(query.ast, plan.zone, query.now) : null;
    const before = query.pipeline.counters.matched;
    const batches = eventBatches(plan.inputs, { ...plan.source, zone: plan.zone, prefilter, firstSearch, onFile: plan.onFile }, stats);
    const { run } = query.pipeline;
    if (query.pipeline.replaysInputs) run.inputs = rereadInputs(plan);
    try {
      await runAsync(query.pipeline, paced(batches, hooks.pace), emit);
    } finally {
      run.inputs = null;
    }
    matched = query.pipeline.counters.matched - before;
  }
  return summarize(stats, matched, results, nowMs() - started);
}

