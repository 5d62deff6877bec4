// Worker thread entry: compile the query from the setup once, then answer each work unit with its result or error.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type FlushRequest, type WorkerReply, type WorkerSetup, type WorkUnit } from './messages.js';
import { createUnitRunner, type UnitRunner } from './unit-runner.js';

const port = parentPort!;
const setup = (workerData as { setup: WorkerSetup }).setup;

function reply(message: WorkerReply): void {
  port.postMessage(message);
}

let runner: UnitRunner | null = null;
let setupError: ReturnType<typeof serializeError> | null = null;
try {
  runner = createUnitRunner(setup);
} catch (e) {
  // The main thread compiled the same AST first, so this is not expected; every unit reports it.
  setupError = serializeError(e);
}

port.on('message', (message: WorkUnit | FlushRequest) => {
  if ('kind' in message) {
    reply({ kind: 'flushed', groups: runner?.flush() ?? null });
    return;
  }
  if (!runner) {
    reply({ kind: 'failed', error: setupError! });
    return;
  }
  runner.run(message).then(
    (result) => reply({ kind: 'done', result }),
    (e: unknown) => reply({ kind: 'failed', error: serializeError(e) }),
  );
});
