// The CLI bundle's entry: the command line on the main thread; in a worker the parallel pool started on the bundle, the worker's loop.
import { isMainThread } from 'node:worker_threads';

// Both halves are in the one bundle, so a worker compiles it with the CLI's V8 code cache (docs/parallel.md).
if (isMainThread) void import('./main.js');
else void import('../parallel/worker.js');
