// Pool workers started before the CLI bundle loaded (src/parallel/prestart.ts), kept until the pool takes them or the plan needs none.
import type { Worker } from 'node:worker_threads';

/** A worker started ahead, with what happened to it before the pool took it. */
export interface PrestartedWorker {
  worker: Worker;
  /** Set when it failed or stopped before being taken: then a new worker is spawned instead. */
  broken: boolean;
}

/**
 * Shared through the global object: the pre-start runs from its own small bundle (prestart.cjs), the pool from the
 * CLI's bundle, and each has its own copy of this module.
 */
const REGISTRY = Symbol.for('splq.prestartedWorkers');

type Registry = { [REGISTRY]?: PrestartedWorker[] };

/** The shared list (made on first use). */
function registry(): PrestartedWorker[] {
  const holder = globalThis as Registry;
  return (holder[REGISTRY] ??= []);
}

/**
 * Keep a worker started ahead: it is unreferenced (it keeps no run alive that never uses it), and an error before
 * the pool takes it only marks it broken (an `error` event nobody listens to would end the process).
 */
export function offerPrestartedWorker(worker: Worker): void {
  const entry: PrestartedWorker = { worker, broken: false };
  worker.unref();
  worker.on('error', () => void (entry.broken = true));
  worker.on('exit', () => void (entry.broken = true));
  registry().push(entry);
}

/** A worker started ahead and still sound, referenced again (the pool now owns it), or undefined. */
export function takePrestartedWorker(): Worker | undefined {
  const list = registry();
  for (let entry = list.shift(); entry; entry = list.shift()) {
    if (entry.broken) continue;
    entry.worker.ref();
    return entry.worker;
  }
  return undefined;
}

/** Stop the workers started ahead that no pool took (the run is on one thread, or uses fewer). */
export function releasePrestartedWorkers(): void {
  for (const entry of registry().splice(0)) void entry.worker.terminate();
}

/** How many workers started ahead are waiting to be taken (tests). */
export function prestartedCount(): number {
  return registry().length;
}
