// Worker threads plus the main thread running work units one at a time each; outcomes are settled values, never rejections.
import type { PackedGroups } from '../aggregates/index.js';
import { Credits } from './credits.js';
import type { EncodedEvents } from './event-codec.js';
import { rebuildError, type UnitResult, type WorkerReply, type WorkerSetup, type WorkUnit } from './messages.js';
import { releasePrestartedWorkers } from './prestarted.js';
import { startWorkerThread, type PoolThreadStarter } from './pool-thread.js';
import type { RunningUnit, UnitClaims } from './claims.js';
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
  /**
   * Units that send no batches, handed out by `claims` as threads become free; the outcomes of all, by unit index.
   * Absent: the caller plans the units beforehand and uses `run`.
   */
  runClaimed?(claims: UnitClaims): Promise<UnitOutcome[]>;
  /** The main thread consumed one batch of unit `index`: that unit may send one more. */
  ack(index: number): void;
  /** After every unit has finished: each thread's partial stats table (none without partial stats). */
  flush(): Promise<PackedGroups[]>;
  close(): Promise<void>;
}

interface Task {
  unit: WorkUnit;
  /** The unit's size in bytes (what a claim weighs against the other threads' progress). */
  bytes: number;
  onBatch: BatchTaker;
  settle: (outcome: UnitOutcome) => void;
}

/** Where a unit runs: a worker thread, or the main thread itself (which would otherwise only wait). */
interface Slot {
  task: Task | null;
  /** Bytes of the running unit read so far (reported every few MiB). */
  progress: number;
  /** When the running unit started (performance.now(), ms). */
  startedAt: number;
  /** Bytes per ms of its last unit, once it has run one. */
  lastRate: number | undefined;
  /** Whether it takes units yet: a worker once it has loaded the engine and compiled the query (until then others take them). */
  ready: boolean;
  /** Whether it ran a unit (a slot that never did has an empty table). */
  used: boolean;
  /** Its table, asked for as soon as it can have no more units (claimed runs), so packing it overlaps the others' reading. */
  table: Promise<PackedGroups | null> | null;
  start(unit: WorkUnit): void;
  ack(index: number): void;
  flush(): Promise<PackedGroups | null>;
  stop(): Promise<unknown>;
}

/** A run of claimed units: its claims, the outcomes so far, and what to call once every claimed unit is settled. */
interface ClaimedRun {
  claims: UnitClaims;
  exhausted: boolean;
  outcomes: UnitOutcome[];
  done: (outcomes: UnitOutcome[]) => void;
}

/** A running unit as a claim weighs it: its size, bytes read, and speed so far (once it has reported progress). */
function runningUnit(slot: Slot, task: Task, now: number): RunningUnit {
  const elapsed = now - slot.startedAt;
  return { bytes: task.bytes, done: slot.progress, rate: slot.progress > 0 && elapsed > 0 ? slot.progress / elapsed : undefined };
}

/** A planned unit's size, when known from its range (0 for a whole file: only claims weigh sizes, and they know them). */
const plannedBytes = (unit: WorkUnit): number => (unit.range ? unit.range.end - unit.range.start : 0);

/**
 * `size` slots: `size - 1` pool threads plus the main thread, which runs units between merging results. One
 * thread fewer to start saves its start-up (loading the engine, warming the JIT) and its heap.
 */
export class WorkerPool implements UnitExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private broken: Error | null = null;
  private claimed: ClaimedRun | null = null;

  constructor(size: number, setup: WorkerSetup, startThread: PoolThreadStarter = startWorkerThread) {
    // Workers first: they load the engine while this thread compiles its own runner. The main thread's slot comes
    // first in the list, so it takes the first unit.
    for (let i = 1; i < size; i++) this.slots.push(this.threadSlot(startThread(setup)));
    releasePrestartedWorkers();
    this.slots.unshift(this.mainThreadSlot(setup));
  }

  /** Run a unit on the next free worker. */
  run(unit: WorkUnit, onBatch: BatchTaker): Promise<UnitOutcome> {
    return new Promise((settle) => {
      if (this.broken) return settle({ ok: false, error: this.broken });
      this.queue.push({ unit, bytes: plannedBytes(unit), onBatch, settle });
      this.dispatch();
    });
  }

  /** Each free, ready thread claims its next unit from `claims` (see UnitExecutor.runClaimed). */
  runClaimed(claims: UnitClaims): Promise<UnitOutcome[]> {
    return new Promise((done) => {
      this.claimed = { claims, exhausted: false, outcomes: [], done };
      this.dispatch();
    });
  }

  ack(index: number): void {
    for (const slot of this.slots) if (slot.task?.unit.index === index) slot.ack(index);
  }

  async flush(): Promise<PackedGroups[]> {
    const tables = await Promise.all(this.slots.map((slot) => (slot.used ? (slot.table ?? slot.flush()) : null)));
    return tables.filter((table): table is PackedGroups => table !== null);
  }

  /** Stop every worker (also those still busy after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.stop()));
  }

  private threadSlot(thread: ReturnType<PoolThreadStarter>): Slot {
    let flushed: ((groups: PackedGroups | null) => void) | null = null;
    const slot: Slot = {
      task: null,
      progress: 0,
      startedAt: 0,
      lastRate: undefined,
      ready: false,
      used: false,
      table: null,
      start: (unit) => thread.postMessage(unit),
      ack: (index) => thread.postMessage({ kind: 'ack', index }),
      flush: () =>
        new Promise((resolve) => {
          flushed = (groups) => {
            traceThread('worker table received');
            resolve(groups);
          };
          thread.postMessage({ kind: 'flush' });
        }),
      stop: () => thread.terminate(),
    };
    thread.onReply((reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        traceThread('worker ready');
        slot.ready = true;
        this.dispatch();
      } else if (reply.kind === 'flushed') flushed?.(reply.groups);
      else if (reply.kind === 'progress') {
        if (slot.task?.unit.index === reply.index) slot.progress = reply.bytes;
      } else if (reply.kind === 'batch') {
        if (slot.task?.unit.index === reply.index) slot.task.onBatch(reply.events);
      } else this.finish(slot, reply.kind === 'done' ? { ok: true, result: reply.result } : { ok: false, error: rebuildError(reply.error) });
    });
    thread.onFailure((err) => this.fail(err));
    return slot;
  }

  private mainThreadSlot(setup: WorkerSetup): Slot {
    const runner = createUnitRunner(setup);
    let credits = new Credits();
    const slot: Slot = {
      task: null,
      progress: 0,
      startedAt: 0,
      lastRate: undefined,
      ready: true,
      used: false,
      table: null,
      start: (unit) => {
        const unitCredits = (credits = new Credits());
        const onBatch = slot.task!.onBatch;
        const output = {
          send: (events: EncodedEvents) => {
            onBatch(events);
            return unitCredits.sent();
          },
          progress: (bytes: number) => void (slot.progress = bytes),
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
    const elapsed = performance.now() - slot.startedAt;
    if (task && task.bytes > 0 && elapsed > 0) slot.lastRate = task.bytes / elapsed;
    task?.settle(outcome);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || !slot.ready) continue;
      const task = this.queue.shift() ?? this.claimTask(slot);
      if (!task) break;
      slot.task = task;
      slot.progress = 0;
      slot.startedAt = performance.now();
      slot.used = true;
      slot.start(task.unit);
    }
    if (this.claimed?.exhausted) this.askIdleWorkersForTables();
    this.endClaimedRun();
  }

  /** Every claim is out: a worker with none left packs and sends its table now, while the others still read. */
  private askIdleWorkersForTables(): void {
    for (const slot of this.slots.slice(1)) { // the main thread's slot is first
      if (!slot.task && slot.used && !slot.table && !this.broken) {
        traceThread('asking an idle worker for its table');
        slot.table = slot.flush();
      }
    }
  }

  /** The next claimed unit for `free` as a task, or null (no claimed run, or nothing left to claim). */
  private claimTask(free: Slot): Task | null {
    const run = this.claimed;
    if (!run || run.exhausted || this.broken) return null;
    const now = performance.now();
    const running = this.slots.flatMap((slot) => (slot.task ? [runningUnit(slot, slot.task, now)] : []));
    const next = run.claims.next(running, free.lastRate);
    if (!next) {
      run.exhausted = true;
      return null;
    }
    traceThread(`claimed unit ${next.unit.index} (${next.bytes} bytes)`);
    return { unit: next.unit, bytes: next.bytes, onBatch: () => undefined, settle: (outcome) => void (run.outcomes[next.unit.index] = outcome) };
  }

  /** A claimed run ends once nothing is left to claim (or the pool broke) and no slot is running a unit. */
  private endClaimedRun(): void {
    const run = this.claimed;
    if (!run || !(run.exhausted || this.broken) || this.slots.some((slot) => slot.task)) return;
    this.claimed = null;
    run.done(run.outcomes);
  }

  /** A worker died: fail its unit and every unit not yet done (the run cannot finish). */
  private fail(err: Error): void {
    this.broken ??= err;
    for (const slot of this.slots) {
      slot.task?.settle({ ok: false, error: this.broken });
      slot.task = null;
    }
    for (const task of this.queue.splice(0)) task.settle({ ok: false, error: this.broken });
    this.endClaimedRun();
  }
}
