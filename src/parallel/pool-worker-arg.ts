// How a thread started on the CLI bundle knows it is a pool worker (kept apart from the worker loop: the pre-start needs only this).

/**
 * The argument the CLI bundle's pool workers are started with (in their `process.argv`): the CLI's entry runs the
 * worker loop when it sees it. An argument, not `isMainThread`, so the CLI's start does not load node:worker_threads
 * (the bundle loads it on first use, scripts/lazy-modules.mjs).
 */
export const POOL_WORKER_ARG = '--splq-pool-worker';

/** Whether this thread is a worker the parallel pool started on the CLI bundle. */
export function isPoolWorker(): boolean {
  return process.argv.includes(POOL_WORKER_ARG);
}
