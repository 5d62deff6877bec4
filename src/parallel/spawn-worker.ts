// Start a worker thread on the CLI's loader splq.cjs (CLI bundle), worker.mjs (other bundles), worker.js (tsc output) or worker.ts (source, through tsx's loader).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './messages.js';
import { POOL_WORKER_ARG } from './pool-worker-arg.js';

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

/** The shipped bin (scripts/cli-loader.cjs): inside the CLI bundle, `import.meta.url` is its URL. */
const CLI_LOADER = '/splq.cjs';

/**
 * The CLI bundle starts its workers on its own loader (dist/bundle/splq.cjs), which compiles the one bundle with its
 * V8 code cache; the CLI's entry then runs the worker's loop instead of the command line (src/cli/main.ts).
 * Otherwise the worker entry sits beside this module with the same extension: another bundle (bench's run-files.mjs)
 * starts worker.mjs, dist/src/parallel/spawn-worker.js starts worker.js, and src/parallel/spawn-worker.ts starts worker.ts.
 * Without a setup the worker loads the engine and waits for it as its first message (`SetupMessage`).
 */
export function spawnWorker(setup: WorkerSetup | null): Worker {
  const here = import.meta.url;
  if (here.endsWith(CLI_LOADER)) return new Worker(new URL(here), { workerData: { setup }, argv: [POOL_WORKER_ARG] });
  if (here.endsWith('.ts')) {
    const entry = new URL('./worker.ts', here).href;
    return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { setup, entry, tsxApi: tsxApiUrl() } });
  }
  const extension = here.slice(here.lastIndexOf('.'));
  return new Worker(new URL(`./worker${extension}`, here), { workerData: { setup } });
}
