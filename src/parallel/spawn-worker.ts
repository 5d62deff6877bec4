// Start a worker thread on worker.js (built) or worker.ts (from source, through tsx's loader registered in the worker).
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

export function spawnWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData: { setup } });
  const entry = new URL('./worker.ts', here).href;
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { setup, entry, tsxApi: tsxApiUrl() } });
}
