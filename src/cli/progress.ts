// A progress line on stderr for long runs on a terminal: files, events, MB and MB/s, and an ETA when sizes are known.
import type { SourceStats } from '../input/index.js';

/** Where the line goes (process.stderr in the CLI) and what is known before the run. */
export interface ProgressOptions {
  /** `--quiet`: never show it. */
  quiet: boolean;
  stream: { isTTY?: boolean; write(text: string): unknown };
  /** Total input files and bytes, when the inputs are files (stdin: unknown). */
  totalFiles?: number;
  totalBytes?: number;
  /** Milliseconds between updates (the first one comes after one interval, so short runs show nothing). */
  intervalMs?: number;
}

const MB = 1024 * 1024;

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The progress text for the counters so far after `elapsed` seconds. */
export function progressLine(stats: SourceStats, elapsed: number, totals: { totalFiles?: number; totalBytes?: number } = {}): string {
  const files = totals.totalFiles !== undefined ? `${stats.files}/${totals.totalFiles} files` : `${stats.files} files`;
  const mb = stats.bytesRead / MB;
  const rate = elapsed > 0 ? mb / elapsed : 0;
  const parts = [files, `${stats.eventsRead.toLocaleString('en-US')} events`, `${mb.toFixed(1)} MB at ${rate.toFixed(1)} MB/s`];
  if (totals.totalBytes !== undefined && totals.totalBytes > 0 && rate > 0) {
    const left = Math.max(0, totals.totalBytes - stats.bytesRead) / MB;
    parts.push(`ETA ${duration(left / rate)}`);
  }
  parts.push(`(${duration(elapsed)})`);
  return `splq: ${parts.join(', ')}`;
}

/** Start updating the line in place; `stop` clears it. Does nothing unless the stream is a terminal and not quiet. */
export function startProgress(stats: SourceStats, opts: ProgressOptions): { stop(): void } {
  if (opts.quiet || !opts.stream.isTTY) return { stop: () => undefined };
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    shown = true;
    opts.stream.write(`\r\x1b[K${progressLine(stats, (Date.now() - started) / 1000, opts)}`);
  }, opts.intervalMs ?? 500);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (shown) opts.stream.write('\r\x1b[K');
    },
  };
}
