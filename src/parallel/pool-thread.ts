// The threads a pool runs units on: a worker thread (started ahead, or now), behind one small interface tests can stand in for.
import type { Worker } from 'node:worker_threads';
import type { BatchAck, FlushRequest, SetupMessage, WorkerReply, WorkerSetup, WorkUnit } from './messages.js';
import { takePrestartedWorker } from './prestarted.js';
import { spawnWorker } from './spawn-worker.js';
import { traceThread } from './trace.js';

/** What the main thread sends a pool thread. */
export type PoolRequest = SetupMessage | WorkUnit | BatchAck | FlushRequest;

/** A thread running the worker loop (worker-loop.ts): messages in, replies out, and a way to stop it. */
export interface PoolThread {
  postMessage(message: PoolRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  /** The thread failed or stopped on its own: the run cannot finish. */
  onFailure(listener: (error: Error) => void): void;
  terminate(): Promise<unknown>;
}

/** Starts a pool thread that compiles `setup` and then says `ready`. */
export type PoolThreadStarter = (setup: WorkerSetup) => PoolThread;

/** A worker thread as a pool thread. */
function workerThread(worker: Worker): PoolThread {
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply: (listener) => void worker.on('message', listener),
    onFailure: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`worker thread stopped unexpectedly (exit code ${code})`)));
    },
    terminate: () => worker.terminate(),
  };
}

/** A worker started ahead (prestart.ts), sent the setup now; else a new one started with it. */
export function startWorkerThread(setup: WorkerSetup): PoolThread {
  const prestarted = takePrestartedWorker();
  if (!prestarted) {
    traceThread('spawning worker');
    return workerThread(spawnWorker(setup));
  }
  traceThread('taking a prestarted worker');
  prestarted.postMessage({ kind: 'setup', setup } satisfies SetupMessage);
  return workerThread(prestarted);
}
