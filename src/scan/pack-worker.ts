// Worker thread entry of a pack on threads: compile its share of the detections, run them as a pack over every input, post the rows.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeEvents } from '../parallel/event-codec.js';
import { serializeError } from '../parallel/messages.js';
import type { Event } from '../runtime/event.js';
import { packWorkerCompileOptions, ROWS_PER_MESSAGE, type PackWorkerData, type PackWorkerMessage } from './pack-thread-messages.js';
import { compilePack, runPack } from './pack.js';

const port = parentPort!;
const data = (workerData as { pack: PackWorkerData }).pack;

function post(message: PackWorkerMessage): void {
  port.postMessage(message);
}

async function main(): Promise<void> {
  const compiled = compilePack(data.entries, packWorkerCompileOptions(data.compile));
  post({ kind: 'compiled' });
  let rows: Event[] = [];
  const flush = (): void => {
    if (rows.length) post({ kind: 'rows', rows: encodeEvents(rows, true) });
    rows = [];
  };
  const result = await runPack(compiled, data.inputs, {
    ...data.scan,
    onRow: (row) => {
      rows.push(row);
      if (rows.length >= ROWS_PER_MESSAGE) flush();
    },
    // Rows go out between batches, so the main thread writes them while this one reads on.
    pace: async () => flush(),
  });
  flush();
  post({
    kind: 'done',
    detections: result.detections,
    failed: result.failed.map((f) => ({ name: f.name, file: f.file, message: f.message })),
    scan: result.scan,
  });
}

// An SplError (e.g. --strict on a malformed line) crosses with its code, so the CLI shows it as a single run would.
main().catch((error: unknown) => post({ kind: 'error', error: serializeError(error) }));
