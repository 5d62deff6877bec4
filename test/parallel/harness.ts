// Test harness for parallel runs: the one-thread CLI path, the parallel path (in-process or worker threads), comparable rows.
import { scanPrefilter } from '../../src/engine/prefilter.js';
import { firstSearchFilter } from '../../src/engine/first-search.js';
import { planParallelRun, runParallel, type UnitExecutor, type WorkerSetup } from '../../src/parallel/index.js';
import { rebuildError, serializeError, type SetupMessage, type SourceSpec } from '../../src/parallel/messages.js';
import { WorkerPool } from '../../src/parallel/pool.js';
import type { PoolThread } from '../../src/parallel/pool-thread.js';
import { serveUnits } from '../../src/parallel/worker-loop.js';
import { MessageChannel } from 'node:worker_threads';
import { createUnitRunner } from '../../src/parallel/unit-runner.js';
import { Credits } from '../../src/parallel/credits.js';
import type { EncodedEvents } from '../../src/parallel/event-codec.js';
import { compile, type Query } from '../../src/query.js';
import { eventBatches, newSourceStats, type SourceStats } from '../../src/input/index.js';
import type { Event, FieldValue } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';

export const NOW = 1700000000;
const TZ = 'UTC';

/** A run's observable outcome: result rows (stored fields in order), counters and the malformed-record lines. */
export interface RunOutcome {
  rows: Array<Array<[string, FieldValue]>>;
  matched: number;
  counters: { files: number; eventsRead: number; eventsSkipped: number; eventsKept: number };
  malformed: string[];
}

/** An event's stored fields in order (a lazy `_raw`, which output never shows, is left out). */
export function storedFields(ev: Event): Array<[string, FieldValue]> {
  return ev.names().slice(0, ev.size).map((name) => [name, ev.get(name)!]);
}

export function compileQuery(text: string): Query {
  return compile(text, { now: NOW, timeZone: TZ });
}

/** How events are read: strictness and the windows preset. */
export interface ReadOptions {
  strict?: boolean;
  preset?: 'windows';
}

/** Source options as the CLI builds them (projection from the query). */
function sourceSpec(query: Query, read: ReadOptions): SourceSpec {
  return { fields: query.requiredFields ? new Set(query.requiredFields) : null, strict: read.strict ?? false, defaults: {}, preset: read.preset };
}

/** The pre-filter inputs as the CLI derives them. */
const prefilterSpec = (read: ReadOptions) => ({ mapped: read.preset !== undefined, userMapped: false, defaults: {} });

function outcome(rows: Event[], matched: number, stats: SourceStats): RunOutcome {
  const { files, eventsRead, eventsSkipped, eventsKept } = stats;
  return { rows: rows.map(storedFields), matched, counters: { files, eventsRead, eventsSkipped, eventsKept }, malformed: stats.malformed.lines() };
}

/** `--threads 1`: the event source and the compiled pipeline on this thread. */
export async function runOneThread(text: string, files: string[], read: ReadOptions = {}): Promise<RunOutcome> {
  const query = compileQuery(text);
  const stats = newSourceStats(read.strict ?? false);
  const prefilter = scanPrefilter(query.ast, query.pipeline, prefilterSpec(read));
  const firstSearch = firstSearchFilter(query.ast, getZone(TZ), NOW);
  const rows: Event[] = [];
  const batches = eventBatches(files, { ...sourceSpec(query, read), zone: getZone(TZ), prefilter, firstSearch }, stats);
  await query.stream(batches, (ev) => void rows.push(ev));
  return outcome(rows, query.pipeline.counters.matched, stats);
}

/**
 * Units run in this process as `threads` runners would: unit i goes to runner i mod threads, each runner runs its
 * units one at a time in order (as a pool's thread does). Setup, units, results, tables and errors still go through
 * structured clone as with postMessage.
 */
export function inProcessExecutor(setup: WorkerSetup, threads: number): UnitExecutor {
  const runners = Array.from({ length: threads }, () => createUnitRunner(structuredClone(setup)));
  const queues: Array<Promise<unknown>> = runners.map(() => Promise.resolve());
  const credits = new Map<number, Credits>();
  return {
    ack: (index) => credits.get(index)?.ack(),
    run: (unit, onBatch) => {
      const slot = unit.index % threads;
      const unitCredits = new Credits();
      credits.set(unit.index, unitCredits);
      const output = {
        send: (events: EncodedEvents) => {
          onBatch(structuredClone(events));
          return unitCredits.sent();
        },
      };
      const outcome = queues[slot]!.then(() =>
        runners[slot]!.run(structuredClone(unit), output).then(
          (result) => ({ ok: true as const, result: structuredClone(result) }),
          (e: unknown) => ({ ok: false as const, error: rebuildError(structuredClone(serializeError(e))) }),
        ),
      );
      queues[slot] = outcome;
      return outcome;
    },
    flush: async () => {
      await Promise.all(queues);
      return runners.map((runner) => runner.flush()).filter((table) => table !== null).map((table) => structuredClone(table));
    },
    close: async () => undefined,
  };
}

export interface ParallelRunOptions extends ReadOptions {
  threads: number;
  splitBytes: number;
  /** Run units in-process instead of on worker threads. */
  inProcess?: boolean;
  /** Run them on the real pool over in-process threads ready after these delays (ms), instead. */
  threadDelaysMs?: number[];
  /** Gets the run's counters at the end (e.g. eventsCounted, which RunOutcome leaves out). */
  onStats?: (stats: SourceStats) => void;
}

/** The parallel path; null when the planner keeps the run on one thread. */
export async function runThreads(text: string, files: string[], opts: ParallelRunOptions): Promise<RunOutcome | null> {
  const query = compileQuery(text);
  const plan = await planParallelRun(query, files, { threads: opts.threads, splitBytes: opts.splitBytes });
  if (!plan) return null;
  const stats = newSourceStats(opts.strict ?? false);
  const rows: Event[] = [];
  const executor = opts.threadDelaysMs ? inProcessPool(opts.threadDelaysMs) : opts.inProcess ? inProcessExecutor : undefined;
  const job = { query, tz: TZ, now: NOW, source: sourceSpec(query, opts), prefilter: prefilterSpec(opts), startExecutor: executor };
  const { matched } = await runParallel(plan, job, stats, (ev) => void rows.push(ev));
  opts.onStats?.(stats);
  return outcome(rows, matched, stats);
}

/** Every event of the files, fully decoded, for Query.runSync. */
export async function decodeAll(files: string[]): Promise<Event[]> {
  const events: Event[] = [];
  for await (const batch of eventBatches(files, { zone: getZone(TZ), fields: null }, newSourceStats(false))) events.push(...batch);
  return events;
}

/**
 * A pool thread in this process: the worker loop (`serveUnits`) behind a message channel (so messages are cloned
 * as between threads), starting `delayMs` after the pool asks for it, like a worker still loading the engine.
 */
export function inProcessThread(setup: WorkerSetup, delayMs: number): PoolThread {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ kind: 'setup', setup } satisfies SetupMessage);
  const timer = setTimeout(() => port2.once('message', (message: SetupMessage) => serveUnits(port2, message.setup)), delayMs);
  return {
    postMessage: (message) => port1.postMessage(message),
    onReply: (listener) => void port1.on('message', listener),
    onFailure: () => undefined,
    terminate: async () => {
      clearTimeout(timer);
      port1.close();
      port2.close();
    },
  };
}

/** The real pool (its dispatch and claims) over in-process threads, the i-th ready after `delaysMs[i]`. */
export function inProcessPool(delaysMs: readonly number[]): (setup: WorkerSetup, threads: number) => UnitExecutor {
  return (setup, threads) => {
    let started = 0;
    return new WorkerPool(threads, setup, (s) => inProcessThread(s, delaysMs[started++ % delaysMs.length] ?? 0));
  };
}
