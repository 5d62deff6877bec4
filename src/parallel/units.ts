// Cut the input into work units (files, large plain files into byte ranges) and choose how many threads to use.
import { availableParallelism } from 'node:os';
import { isSeekable } from '../input/sources/chunks.js';
import type { WorkUnit } from './messages.js';

const MIB = 1024 * 1024;
/** Files above this size are cut into byte ranges of at least this size. */
export const DEFAULT_SPLIT_BYTES = 16 * MIB;
/** Below this much input the default is one thread: starting workers would cost more than they save. */
export const SMALL_INPUT_BYTES = 32 * MIB;

export interface SizedFile {
  file: string;
  size: number;
}

/**
 * Units in input order: one per file, except that a seekable file larger than `splitBytes` is cut into one
 * range per thread (fewer when ranges would fall under `splitBytes`), of equal size (a range owns the records
 * that start in it), followed by a last range of 1/(4 × ranges) of the file when that is at least `splitBytes`:
 * whichever thread is free first takes it. The main thread starts its range at once and a worker only once it has
 * loaded the engine (~0.2 s of its own CPU, longer on a busy machine), so with equal ranges the main thread
 * finished first and waited (0.7-0.8 s at load ~10, docs/benchmarks.md "Reading and the second thread"). A
 * quarter of a thread's share: with a last range of half a share, a worker ready early (0.24 s) idled 0.57 s. Few large units, not many shrinking ones: each unit has a cost of its own (a fresh reader, its
 * decoder set up again, ~15 ms of CPU on the main thread and more in a worker), and on the 2-vCPU bench machine
 * 19 shrinking units of one 1.2 GB file took 6% (one thread) to 13% (two threads) more CPU than two halves, for
 * no gain in wall time (docs/parallel.md).
 */
export function planUnits(files: readonly SizedFile[], threads: number, splitBytes = DEFAULT_SPLIT_BYTES): WorkUnit[] {
  const units: WorkUnit[] = [];
  for (const { file, size } of files) {
    if (size <= splitBytes || !isSeekable(file)) {
      units.push({ index: units.length, file });
      continue;
    }
    const count = Math.max(1, Math.min(threads, Math.floor(size / splitBytes)));
    const tail = count > 1 ? Math.floor(size / (4 * count)) : 0;
    const body = tail >= splitBytes && Math.ceil((size - tail) / count) >= splitBytes ? size - tail : size;
    const step = Math.ceil(body / count);
    for (let start = 0; start < body; start += step) units.push({ index: units.length, file, range: { start, end: Math.min(body, start + step) } });
    if (body < size) units.push({ index: units.length, file, range: { start: body, end: size } });
  }
  return units;
}

/** The requested thread count, else all cores for large inputs and 1 for small ones. */
export function chooseThreads(requested: number | undefined, totalBytes: number): number {
  if (requested !== undefined) return requested;
  return totalBytes < SMALL_INPUT_BYTES ? 1 : availableParallelism();
}
