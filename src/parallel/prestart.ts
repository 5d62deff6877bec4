// Start a `splq run`'s pool workers from the CLI's loader, before the CLI bundle loads (built alone as prestart.cjs).
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { POOL_WORKER_ARG } from './pool-worker-arg.js';
import { prestartCount } from './prestart-count.js';
import { offerPrestartedWorker } from './prestarted.js';
import { traceThread } from './trace.js';

/** A regular file's size, else undefined. */
function regularFileSize(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the command line says the run will use worker threads, start them now on the CLI's loader (`loaderFile`):
 * each loads the bundle while this thread does, and waits for the setup (the compiled query) the pool sends later
 * (docs/parallel.md, "Starting the worker"). Returns how many were started.
 */
export function prestartPoolWorkers(argv: readonly string[], loaderFile: string): number {
  const count = prestartCount(argv, regularFileSize, availableParallelism());
  if (count === 0) return 0;
  traceThread(`prestarting ${count} worker(s)`);
  // Loaded only now: a run that starts no worker does not load node:worker_threads (scripts/lazy-modules.mjs).
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  for (let i = 0; i < count; i++) offerPrestartedWorker(new Worker(loaderFile, { workerData: { setup: null }, argv: [POOL_WORKER_ARG] }));
  return count;
}
