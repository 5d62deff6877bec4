// Run a planned query over worker threads: consume unit results in unit order, finish the pipeline on the main thread.
import { GroupTable, type PackedGroups } from '../aggregates/index.js';
import { createCompileContext } from '../engine/compile-pipeline.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { writeGroupResults } from '../commands/group-results.js';
import { HeldEvents } from '../commands/held-events.js';
import type { StatsCommand } from '../ast.js';
import type { Stage } from '../engine/types.js';
import type { CompiledQuery } from '../engine/compiled-query.js';
import { statSync } from 'node:fs';
import type { SourceStats } from '../input/index.js';
import type { Event } from '../runtime/event.js';
import { getZone } from '../time/zone.js';
import { parsedTexts } from '../parse/parse-cache.js';
import { decodeEvents, type EncodedEvents } from './event-codec.js';
import type { PrefilterSpec, SourceSpec, UnitPayload, UnitResult, WorkerSetup, WorkUnit } from './messages.js';
import { compileStatsAggregation } from './partial-stats.js';
import { WorkerPool, type UnitExecutor, type UnitOutcome } from './pool.js';
import { callbackStage, chainStages } from './stages.js';
import type { ParallelPlan } from './plan.js';
import { partialSendsEvents, unitsSendOnlyTables } from './split.js';
import { traceThread } from './trace.js';
import { UnitClaims } from './claims.js';
import { emitGroupRows } from '../commands/group-rows.js';

/**
 * Units dispatched but not yet consumed: one per thread plus one, so every worker stays busy while the main thread
 * waits for the next unit in order. Memory on the main thread: up to that many units times BATCH_WINDOW batches of
 * BATCH_EVENTS events (a unit waits for credit before sending more), whatever the output's size. Units that send
 * no events (partial stats) hold nothing on the main thread: all are dispatched, and a free thread takes the next
 * (an executor that can claim units, the pool, cuts them as it goes instead: claims.ts).
 */
const unitsAhead = (plan: ParallelPlan): number => (unitsSendOnlyTables(plan.split) ? plan.units.length : plan.threads + 1);

export interface ParallelJob {
  /** The query as compiled on the main thread (its AST is what workers compile). */
  query: CompiledQuery;
  /** Zone name and "now" the query was compiled with. */
  tz: string;
  now: number;
  source: SourceSpec;
  prefilter: PrefilterSpec | null;
  onFile?: (file: string, format: string) => void;
  /** Awaited between result batches (e.g. until stdout has drained), so results never pile up in memory. */
  beforeNextUnit?: () => Promise<void>;
  /** Where units run; default a pool of worker threads (tests run them in-process to try many inputs quickly). */
  startExecutor?: (setup: WorkerSetup, threads: number) => UnitExecutor;
}

const startWorkerPool = (setup: WorkerSetup, threads: number): UnitExecutor => new WorkerPool(threads, setup);

/** Run the plan; results reach `onResult` in the order `--threads 1` gives. Returns the search's match count. */
export async function runParallel(plan: ParallelPlan, job: ParallelJob, stats: SourceStats, onResult: (ev: Event) => void): Promise<{ matched: number }> {
  traceThread(`runParallel: ${plan.threads} threads, ${plan.units.length} units`);
  const { split } = plan;
  const suffix = chainStages(job.query.pipeline.commands.slice(split.suffixStart), callbackStage(onResult));
  // A leading tstats counts its own output rows as the search's matches (as on one thread), before the suffix.
  const leadingRows = { matched: 0 };
  const afterLeading: Stage = split.leadingAggregate ? { push: (ev) => { leadingRows.matched++; suffix.push(ev); }, end: () => suffix.end() } : suffix;
  const partial = split.partialStats;
  const main = !partial
    ? eventForwarder(leadingTail(split, job, afterLeading))
    : partialSendsEvents(partial) ? secondPassMerger(partial, job, suffix) : statsMerger(partial, job, afterLeading);
  const setup: WorkerSetup = {
    ast: job.query.ast, tz: job.tz, now: job.now, source: job.source, prefilter: job.prefilter, split, lookups: job.query.lookups.toSpec(),
    queryText: job.query.expandedText, datamodelMappings: job.query.datamodelMappings,
    parsedTexts: split.leadingAggregate ? parsedTexts() : undefined, maxMemoryMb: job.query.pipeline.run.maxMemoryMb,
  };
  const pool = (job.startExecutor ?? startWorkerPool)(setup, plan.threads);
  let matched = 0;
  const firstLines = new Map<string, number>();
  const take = (result: UnitResult, unit: WorkUnit) => {
    addCounters(stats, result, unit, firstLines);
    matched += result.matched;
    for (const [file, format] of result.formats) job.onFile?.(file, format);
    main.take(result.payload);
  };
  try {
    if (unitsSendOnlyTables(split) && pool.runClaimed) {
      const claims = new UnitClaims(plan.files, plan.threads, plan.splitBytes);
      for (const result of resultsOf(await pool.runClaimed(claims))) take(result, claims.units[result.index]!);
    } else {
      const onBatch = async (index: number, events: EncodedEvents) => {
        main.take({ kind: 'events', ...events });
        pool.ack(index);
        await job.beforeNextUnit?.();
      };
      for await (const result of resultsInOrder(pool, plan.units, unitsAhead(plan), onBatch)) take(result, plan.units[result.index]!);
    }
    traceThread('flush');
    for (const table of await pool.flush()) main.takeTable(table);
    traceThread('tables merged');
  } catch (e) {
    await pool.close();
    throw e;
  }
  // Not awaited: a worker's teardown (its heap freed, ~0.1 s at load 12) overlaps the results and the rest of the run;
  // every unit is done, so nothing can come from the workers any more.
  void pool.close();
  main.end();
  traceThread('main end');
  return { matched: split.leadingAggregate ? leadingRows.matched : matched };
}

/** Rows of a leading tstats that does not merge partially go through its aggregating half on the main thread. */
function leadingTail(split: ParallelPlan['split'], job: ParallelJob, suffix: Stage): Stage {
  if (!split.leadingAggregate) return suffix;
  const parts = job.query.pipeline.commands[0]?.partial;
  if (!parts) throw new Error('leading aggregate without partial parts');
  return parts.tail(suffix);
}

/** The main thread's side of the pipeline: takes each unit's payload in unit order, then ends the suffix. */
interface MainSide {
  take(payload: UnitPayload): void;
  /** A thread's partial stats table (after every unit). */
  takeTable(table: PackedGroups): void;
  end(): void;
}

/** Events go on into the suffix as they arrive. */
function eventForwarder(suffix: Stage): MainSide {
  return {
    take: (payload) => {
      if (payload.kind === 'events') decodeEvents(payload, (ev) => suffix.push(ev));
    },
    takeTable: () => undefined,
    end: () => suffix.end(),
  };
}

/** Each thread's partial table merges into one (positions keep order-sensitive functions exact); its rows go into the suffix at the end. */
function statsMerger(node: StatsCommand, job: ParallelJob, suffix: Stage): MainSide {
  const aggregation = compileStatsAggregation(node, createCompileContext(getZone(job.tz), job.now));
  const merged = new GroupTable(aggregation, new MemoryTracker(node.command, node.span, job.query.pipeline.run.maxMemoryMb, 'groups and values'));
  return {
    take: () => undefined,
    takeTable: (table) => merged.mergePacked(table),
    end: () => {
      emitGroupRows(merged, suffix);
      suffix.end();
    },
  };
}

/**
 * A partial aggregate with a second pass (eventstats): the events arrive in unit order and are held (bounded as on one thread); the threads' tables
 * merge into one after the last unit, then every held event gets its group's results and goes into the suffix.
 */
function secondPassMerger(node: StatsCommand, job: ParallelJob, suffix: Stage): MainSide {
  const aggregation = compileStatsAggregation(node, createCompileContext(getZone(job.tz), job.now));
  const held = new HeldEvents(node.command, node.span, job.query.pipeline.run.maxMemoryMb);
  const merged = new GroupTable(aggregation, held.memory);
  return {
    take: (payload) => {
      if (payload.kind === 'events') decodeEvents(payload, (ev) => held.push(ev));
    },
    takeTable: (table) => merged.mergePacked(table),
    end: () => {
      writeGroupResults(aggregation, merged, held.events, suffix);
      held.clear();
      suffix.end();
    },
  };
}

/** Claimed units' results in unit order; the first failure (in unit order) is thrown. */
function resultsOf(outcomes: readonly UnitOutcome[]): UnitResult[] {
  const results: UnitResult[] = [];
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index];
    if (!outcome) throw new Error(`internal: claimed unit ${index} has no outcome`);
    if (!outcome.ok) throw outcome.error;
    results.push(outcome.result);
  }
  return results;
}

/** A dispatched unit: its batches received and not yet consumed, and whether its outcome is in. */
interface PendingUnit {
  index: number;
  batches: EncodedEvents[];
  outcome: Promise<UnitOutcome>;
  settled: boolean;
}

/**
 * Unit results in unit order, keeping at most `ahead` units queued, running or finished but not yet consumed. The
 * batches of the unit at the head go to `consume` as they arrive (in order, each awaited); later units' batches
 * wait, and their senders stop once their window is full.
 */
async function* resultsInOrder(
  pool: UnitExecutor, units: readonly WorkUnit[], ahead: number, consume: (index: number, events: EncodedEvents) => Promise<void>,
): AsyncGenerator<UnitResult> {
  const pending: PendingUnit[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const start = (unit: WorkUnit): PendingUnit => {
    const entry: PendingUnit = { index: unit.index, batches: [], settled: false, outcome: null! };
    entry.outcome = pool.run(unit, (events) => {
      entry.batches.push(events);
      notify();
    });
    void entry.outcome.then(() => {
      entry.settled = true;
      notify();
    });
    return entry;
  };
  let next = 0;
  for (;;) {
    while (next < units.length && pending.length < ahead) pending.push(start(units[next++]!));
    const head = pending[0];
    if (!head) return;
    const batch = head.batches.shift();
    if (batch !== undefined) {
      await consume(head.index, batch);
      continue;
    }
    if (!head.settled) {
      traceThread(`main waits for unit ${head.index}`);
      await new Promise<void>((resolve) => (wake = resolve));
      traceThread('main woken');
      continue;
    }
    pending.shift();
    const outcome = await head.outcome;
    if (!outcome.ok) throw outcome.error;
    yield outcome.result;
  }
}

/**
 * Add a unit's counters. Units arrive in input order, so the report keeps the same first records as one reader
 * would, and each range's line numbers are shifted by the lines of the file's earlier ranges (a strict report
 * throws on the first record, as with one thread).
 */
function addCounters(stats: SourceStats, result: UnitResult, unit: WorkUnit, firstLines: Map<string, number>): void {
  stats.files += result.files;
  stats.eventsRead += result.eventsRead;
  stats.eventsSkipped += result.eventsSkipped;
  stats.eventsKept += result.eventsKept;
  stats.eventsCounted += result.eventsCounted;
  stats.bytesRead += unit.range ? unit.range.end - unit.range.start : fileSize(unit.file);
  const linesBefore = firstLines.get(unit.file) ?? 0;
  for (const error of result.malformedKept) stats.malformed.add({ ...error, line: error.line + linesBefore });
  stats.malformed.count += result.malformedCount - result.malformedKept.length;
  firstLines.set(unit.file, linesBefore + result.rangeLines);
}

/** A whole-file unit's size, for the progress display's byte count. */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
