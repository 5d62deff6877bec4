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

/** Below this many characters, results wait in memory for more (one write per row cost a system call each). */
const STDOUT_BUFFER_CHARS = 64 * 1024;

/**
 * A sink for result text that writes to stdout in pieces of STDOUT_BUFFER_CHARS: 90k rows of `stats` had cost 90k
 * `write` system calls. `flush` writes what waits (called between input batches and at the end, so a slow stream
 * of results still shows as it comes).
 */
export function bufferedStdout(): { write(text: string): void; flush(): void } {
  let waiting: string[] = [];
  let chars = 0;
  const flush = () => {
    if (chars === 0) return;
    const text = waiting.length === 1 ? waiting[0]! : waiting.join('');
    waiting = [];
    chars = 0;
    process.stdout.write(text);
  };
  return {
    write(text) {
      waiting.push(text);
      chars += text.length;
      if (chars >= STDOUT_BUFFER_CHARS) flush();
    },
    flush,
  };
}
