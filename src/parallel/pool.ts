// Worker threads plus the main thread running work units one at a time each; outcomes are settled values, never rejections.
import type { Worker } from 'node:worker_threads';
import type { PackedGroups } from '../aggregates/index.js';
import { Credits } from './credits.js';
import type { EncodedEvents } from './event-codec.js';
import { rebuildError, type BatchAck, type FlushRequest, type SetupMessage, type UnitResult, type WorkerReply, type WorkerSetup, type WorkUnit } from './messages.js';
import { spawnWorker } from './spawn-worker.js';
import { releasePrestartedWorkers, takePrestartedWorker } from './prestarted.js';
import { createUnitRunner } from './unit-runner.js';
import { traceThread } from './trace.js';

/** A unit's result or the error it failed with (rejections would go unhandled while earlier units are awaited). */
export type UnitOutcome = { ok: true; result: UnitResult } | { ok: false; error: Error };

/** Takes each result batch of a unit as it arrives (before the unit's outcome settles). */
export type BatchTaker = (events: EncodedEvents) => void;

/** Runs work units somewhere (worker threads; tests may run them in-process). */
export interface UnitExecutor {
  /** Run a unit: its event batches reach `onBatch` as they come; each must be acknowledged with `ack` once consumed. */
  run(unit: WorkUnit, onBatch: BatchTaker): Promise<UnitOutcome>;
  /** The main thread consumed one batch of unit `index`: that unit may send one more. */
  ack(index: number): void;
  /** After every unit has finished: each thread's partial stats table (none without partial stats). */
  flush(): Promise<PackedGroups[]>;
  close(): Promise<void>;
}

interface Task {
  unit: WorkUnit;
  onBatch: BatchTaker;
  settle: (outcome: UnitOutcome) => void;
}

/** Where a unit runs: a worker thread, or the main thread itself (which would otherwise only wait). */
interface Slot {
  task: Task | null;
  /** Whether it takes units yet: a worker once it has loaded the engine and compiled the query (until then others take them). */
  ready: boolean;
  /** Whether it ran a unit (a slot that never did has an empty table). */
  used: boolean;
  start(unit: WorkUnit): void;
  ack(index: number): void;
  flush(): Promise<PackedGroups | null>;
  stop(): Promise<unknown>;
}

/**
 * `size` slots: `size - 1` worker threads plus the main thread, which runs units between merging results. One
 * thread fewer to start saves its start-up (loading the engine, warming the JIT) and its heap.
 */
export class WorkerPool implements UnitExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private broken: Error | null = null;

  constructor(size: number, setup: WorkerSetup) {
    // Workers first: they load the engine while this thread compiles its own runner. The main thread's slot comes
    // first in the list, so it takes the first unit.
    for (let i = 1; i < size; i++) this.slots.push(this.workerSlot(setup));
    releasePrestartedWorkers();
    this.slots.unshift(this.mainThreadSlot(setup));
  }

  /** Run a unit on the next free worker. */
  run(unit: WorkUnit, onBatch: BatchTaker): Promise<UnitOutcome> {
    return new Promise((settle) => {
      if (this.broken) return settle({ ok: false, error: this.broken });
      this.queue.push({ unit, onBatch, settle });
      this.dispatch();
    });
  }

  ack(index: number): void {
    for (const slot of this.slots) if (slot.task?.unit.index === index) slot.ack(index);
  }

  async flush(): Promise<PackedGroups[]> {
    const tables = await Promise.all(this.slots.map((slot) => (slot.used ? slot.flush() : null)));
    return tables.filter((table): table is PackedGroups => table !== null);
  }

  /** Stop every worker (also those still busy after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.stop()));
  }

  private workerSlot(setup: WorkerSetup): Slot {
    const worker = startedWorker(setup);
    let flushed: ((groups: PackedGroups | null) => void) | null = null;
    const slot: Slot = {
      task: null,
      ready: false,
      used: false,
      start: (unit) => worker.postMessage(unit),
      ack: (index) => worker.postMessage({ kind: 'ack', index } satisfies BatchAck),
      flush: () =>
        new Promise((resolve) => {
          flushed = (groups) => {
            traceThread('worker table received');
            resolve(groups);
          };
          worker.postMessage({ kind: 'flush' } satisfies FlushRequest);
        }),
      stop: () => worker.terminate(),
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        traceThread('worker ready');
        slot.ready = true;
        this.dispatch();
      } else if (reply.kind === 'flushed') flushed?.(reply.groups);
      else if (reply.kind === 'batch') {
        if (slot.task?.unit.index === reply.index) slot.task.onBatch(reply.events);
      } else this.finish(slot, reply.kind === 'done' ? { ok: true, result: reply.result } : { ok: false, error: rebuildError(reply.error) });
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`worker thread stopped unexpectedly (exit code ${code})`)));
    return slot;
  }

  private mainThreadSlot(setup: WorkerSetup): Slot {
    const runner = createUnitRunner(setup);
    let credits = new Credits();
    const slot: Slot = {
      task: null,
      ready: true,
      used: false,
      start: (unit) => {
        const unitCredits = (credits = new Credits());
        const onBatch = slot.task!.onBatch;
        const output = {
          send: (events: EncodedEvents) => {
            onBatch(events);
            return unitCredits.sent();
          },
        };
        runner.run(unit, output).then(
          (result) => this.finish(slot, { ok: true, result }),
          (error: unknown) => this.finish(slot, { ok: false, error: error instanceof Error ? error : new Error(String(error)) }),
        );
      },
      ack: () => credits.ack(),
      flush: async () => runner.flush(),
      stop: async () => undefined,
    };
    return slot;
  }

  private finish(slot: Slot, outcome: UnitOutcome): void {
    const task = slot.task;
    slot.task = null;
    task?.settle(outcome);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || !slot.ready || this.queue.length === 0) continue;
      slot.task = this.queue.shift()!;
      slot.used = true;
      slot.start(slot.task.unit);
    }
  }

  /** A worker died: fail its unit and every unit not yet done (the run cannot finish). */
  private fail(err: Error): void {
    this.broken ??= err;
    for (const slot of this.slots) {
      slot.task?.settle({ ok: false, error: this.broken });
      slot.task = null;
    }
    for (const task of this.queue.splice(0)) task.settle({ ok: false, error: this.broken });
  }
}

/** A worker started ahead (prestart.ts), sent the setup now; else a new one started with it. */
function startedWorker(setup: WorkerSetup): Worker {
  const prestarted = takePrestartedWorker();
  if (!prestarted) {
    traceThread('spawning worker');
    return spawnWorker(setup);
  }
  traceThread('taking a prestarted worker');
  prestarted.postMessage({ kind: 'setup', setup } satisfies SetupMessage);
  return prestarted;
}
