// Keep memory flat when stdout is slower than the engine (a pipe): wait for 'drain' before reading more input.
import { once } from 'node:events';

/** Resolves at once when stdout can take more; otherwise when it has drained. */
export async function stdoutDrained(): Promise<void> {
  if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
}

/** The same batches, but the next one is only read once stdout has room for more results. */
export async function* pacedByStdout<T>(batches: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const batch of batches) {
    yield batch;
    await stdoutDrained();
  }
}
