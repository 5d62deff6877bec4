// Start a worker thread on worker.mjs (bundle), worker.js (tsc output) or worker.ts (source, through tsx's loader).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './messages.js';

/**
 * From source, Node cannot load a .ts worker by itself, and tsx's `--import` hook is not applied inside worker
 * threads on Node 20, so a small bootstrap registers tsx's ESM loader in the worker and then imports worker.ts.
 */
const TS_BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

/** The ESM build of tsx's API (require.resolve gives the CommonJS build, whose register() fails inside workers). */
function tsxApiUrl(): string {
  const cjsPath = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjsPath.replace(/\.cjs$/, '.mjs')).href;
}

/**
 * The worker entry sits beside this module with the same extension: dist/bundle/splq.mjs starts worker.mjs,
 * dist/src/parallel/spawn-worker.js starts worker.js, and src/parallel/spawn-worker.ts starts worker.ts.
 */
export function spawnWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./worker.ts', here).href;
    return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { setup, entry, tsxApi: tsxApiUrl() } });
  }
  const extension = here.slice(here.lastIndexOf('.'));
  return new Worker(new URL(`./worker${extension}`, here), { workerData: { setup } });
}
