// Per-thread timeline of a parallel run on stderr (SPLQ_TRACE_THREADS=1): when each thread starts, runs units and waits.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const enabled = process.env.SPLQ_TRACE_THREADS === '1';
/** Loaded only when tracing (the CLI bundle loads node:worker_threads on first use). */
const threads = enabled ? (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')) : null;
const isMainThread = threads?.isMainThread ?? true;

// `performance` is Node's global one: importing node:perf_hooks would load it at every start, tracing or not.

/** Milliseconds since the process started (workers count from the process's start too, through the shared clock). */
function sinceProcessStart(): number {
  return performance.timeOrigin + performance.now() - Number(process.env.SPLQ_TRACE_T0 ?? performance.timeOrigin);
}

/** This thread's own CPU milliseconds (Linux: /proc/thread-self/schedstat, in nanoseconds), or undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

if (enabled && isMainThread && process.env.SPLQ_TRACE_T0 === undefined) {
  process.env.SPLQ_TRACE_T0 = String(performance.timeOrigin);
  process.on('exit', () => traceThread('process exit'));
}

/** Writes one timeline line when tracing is on; free otherwise. */
export function traceThread(what: string): void {
  if (!enabled) return;
  const cpu = process.cpuUsage();
  const own = threadCpuMs();
  const thread = own === undefined ? '' : `, thread ${own.toFixed(0)} ms`;
  process.stderr.write(`[thread ${isMainThread ? 'main' : threads?.threadId}] ${sinceProcessStart().toFixed(1)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms${thread}) ${what}\n`);
}
