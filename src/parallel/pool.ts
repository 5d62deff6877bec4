// A fixed set of worker threads running work units one at a time each; outcomes are settled values, never rejections.
import type { Worker } from 'node:worker_threads';
import { rebuildError, type UnitResult, type WorkerReply, type WorkerSetup, type WorkUnit } from './messages.js';
import { spawnWorker } from './spawn-worker.js';

/** A unit's result or the error it failed with (rejections would go unhandled while earlier units are awaited). */
export type UnitOutcome = { ok: true; result: UnitResult } | { ok: false; error: Error };

/** Runs work units somewhere (worker threads; tests may run them in-process). */
export interface UnitExecutor {
  run(unit: WorkUnit): Promise<UnitOutcome>;
  close(): Promise<void>;
}

interface Task {
  unit: WorkUnit;
  settle: (outcome: UnitOutcome) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

export class WorkerPool implements UnitExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private broken: Error | null = null;

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot(setup));
  }

  /** Run a unit on the next free worker. */
  run(unit: WorkUnit): Promise<UnitOutcome> {
    return new Promise((settle) => {
      if (this.broken) return settle({ ok: false, error: this.broken });
      this.queue.push({ unit, settle });
      this.dispatch();
    });
  }

  /** Stop every worker (also those still busy after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private startSlot(setup: WorkerSetup): Slot {
    const slot: Slot = { worker: spawnWorker(setup), task: null };
    slot.worker.on('message', (reply: WorkerReply) => {
      const task = slot.task!;
      slot.task = null;
      task.settle(reply.kind === 'done' ? { ok: true, result: reply.result } : { ok: false, error: rebuildError(reply.error) });
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.fail(err));
    slot.worker.on('exit', (code) => this.fail(new Error(`worker thread stopped unexpectedly (exit code ${code})`)));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      slot.task = this.queue.shift()!;
      slot.worker.postMessage(slot.task.unit);
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
