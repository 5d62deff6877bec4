// A progress line on stderr for long runs on a terminal (events read so far); silent when stderr is not a TTY.
import type { SourceStats } from '../input/index.js';

export function startProgress(stats: SourceStats): { stop(): void } {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  const started = Date.now();
  const timer = setInterval(() => {
    const secs = (Date.now() - started) / 1000;
    process.stderr.write(`\rsplq: ${stats.eventsRead.toLocaleString('en-US')} events read (${secs.toFixed(0)}s)`);
  }, 500);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (Date.now() - started > 500) process.stderr.write('\r\x1b[K');
    },
  };
}
