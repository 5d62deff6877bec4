// A scan as an async iterator of rows with bounded buffering, and its summary once the last row is out.
import type { Event } from '../runtime/event.js';
import type { ScanPlan } from './plan.js';
import { runScan } from './run.js';
import type { ScanSummary } from './summary.js';

/** Rows held before the scan waits for the reader (a batch may overshoot it by its own size). */
const HIGH_WATER = 4096;

/** The rows of a file scan; `summary` resolves when the scan has ended (iterate to the end first). */
export interface FileRun extends AsyncIterable<Event> {
  readonly summary: Promise<ScanSummary>;
}

/** A first-in first-out queue of rows that does not move the rest on every take. */
class RowQueue {
  private items: Event[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(ev: Event): void {
    this.items.push(ev);
  }

  /** The oldest row (call only when length > 0). */
  shift(): Event {
    const ev = this.items[this.head++]!;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return ev;
  }
}

/** One side waiting for the other: `wait` until the next `wake`. */
class Waiter {
  private resolve: (() => void) | null = null;

  wait(): Promise<void> {
    return new Promise((res) => (this.resolve = res));
  }

  wake(): void {
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.();
  }
}

/** Thrown into the scan when the reader stops early (`break`), so it ends without reading further. */
class ReaderStopped extends Error {}

export function scanRows(plan: Promise<ScanPlan>): FileRun {
  const rows = new RowQueue();
  const readerWaits = new Waiter();
  const scanWaits = new Waiter();
  let done = false;
  let failure: unknown = null;
  let stopped = false;
  let resolveSummary!: (s: ScanSummary) => void;
  let rejectSummary!: (e: unknown) => void;
  const summary = new Promise<ScanSummary>((res, rej) => {
    resolveSummary = res;
    rejectSummary = rej;
  });
  summary.catch(() => undefined);
  const pace = async (): Promise<void> => {
    if (rows.length) readerWaits.wake();
    while (rows.length >= HIGH_WATER && !stopped) await scanWaits.wait();
    if (stopped) throw new ReaderStopped();
  };
  let started = false;
  const start = (): void => {
    started = true;
    plan
      .then((p) => runScan(p, (ev) => rows.push(ev), { pace }))
      .then(resolveSummary, (e) => {
        if (e instanceof ReaderStopped) return;
        failure = e;
        rejectSummary(e);
      })
      .finally(() => {
        done = true;
        readerWaits.wake();
      });
  };
  return {
    summary,
    [Symbol.asyncIterator](): AsyncIterator<Event> {
      if (!started) start();
      return {
        async next(): Promise<IteratorResult<Event>> {
          for (;;) {
            if (rows.length) {
              const value = rows.shift();
              if (rows.length < HIGH_WATER) scanWaits.wake();
              return { value, done: false };
            }
            if (failure) throw failure;
            if (done) return { value: undefined, done: true };
            await readerWaits.wait();
          }
        },
        async return(): Promise<IteratorResult<Event>> {
          stopped = true;
          scanWaits.wake();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
