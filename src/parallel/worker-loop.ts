// A worker thread's loop: compile the query from the setup once, then answer each work unit with its result or error.
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import { serializeError, type BatchAck, type FlushRequest, type SetupMessage, type WorkerReply, type WorkerSetup, type WorkUnit } from './messages.js';
import { Credits } from './credits.js';
import type { EncodedEvents } from './event-codec.js';
import { createUnitRunner, type UnitRunner } from './unit-runner.js';
import { traceThread } from './trace.js';

export { isPoolWorker, POOL_WORKER_ARG } from './pool-worker-arg.js';

/**
 * Run this worker: compile, say `ready`, then take units, acks and the flush request from the main thread. The
 * setup comes as workerData, or (a worker started before the query was compiled, src/parallel/prestart.ts) as the
 * first message.
 */
export function runWorkerLoop(): void {
  traceThread('worker started');

  const threads = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const port = threads.parentPort!;
  const setup = (threads.workerData as { setup: WorkerSetup | null }).setup;
  if (setup) return serveUnits(port, setup);
  port.once('message', (message: SetupMessage) => {
    traceThread('worker setup received');
    serveUnits(port, message.setup);
  });
}

/** Compile the query, say `ready`, then answer the main thread's messages. */
export function serveUnits(port: MessagePort, setup: WorkerSetup): void {
  function reply(message: WorkerReply): void {
    port.postMessage(message);
  }

  let runner: UnitRunner | null = null;
  let setupError: ReturnType<typeof serializeError> | null = null;
  try {
    runner = createUnitRunner(setup);
    traceThread('worker runner compiled');
  } catch (e) {
    // The main thread compiled the same AST first, so this is not expected; every unit reports it.
    setupError = serializeError(e);
  }

  reply({ kind: 'ready' });

  // The unit running now and its flow control (acks for an earlier unit are stale and ignored).
  let current: { index: number; credits: Credits } | null = null;

  port.on('message', (message: WorkUnit | FlushRequest | BatchAck) => {
    if ('kind' in message) {
      if (message.kind === 'ack') {
        if (current?.index === message.index) current.credits.ack();
      } else {
        reply({ kind: 'flushed', groups: runner?.flush() ?? null });
      }
      return;
    }
    if (!runner) {
      reply({ kind: 'failed', error: setupError! });
      return;
    }
    const unit = { index: message.index, credits: new Credits() };
    current = unit;
    const output = {
      send: (events: EncodedEvents) => {
        reply({ kind: 'batch', index: unit.index, events });
        return unit.credits.sent();
      },
      progress: (bytes: number) => reply({ kind: 'progress', index: unit.index, bytes }),
    };
    runner.run(message, output).then(
      (result) => reply({ kind: 'done', result }),
      (e: unknown) => reply({ kind: 'failed', error: serializeError(e) }),
    );
  });
}
