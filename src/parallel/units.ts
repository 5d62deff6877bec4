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
 * How many pieces of what remains of a file a balanced plan cuts next (remaining / (threads × this)): large
 * pieces first, smaller ones towards the end, so that threads finish within a small piece of each other.
 */
const PIECES_PER_THREAD = 3;

/**
 * Units in input order: one per file, except that a seekable file larger than `splitBytes` is cut into byte
 * ranges (a range owns the records that start in it).
 *
 * - By default one range per thread (fewer when ranges would fall under `splitBytes`), of equal size: a unit that
 *   streams events to the main thread waits for it, so few large units keep the threads busy.
 * - `balanced` (the units send no events, only add to their thread's table: partial stats): shrinking ranges,
 *   each max(splitBytes, remaining / (threads × 3)), dealt to whichever thread is free. A thread that starts late
 *   (a worker loads the engine first) or meets slower lines takes fewer of them (docs/parallel.md).
 */
export function planUnits(files: readonly SizedFile[], threads: number, splitBytes = DEFAULT_SPLIT_BYTES, balanced = false): WorkUnit[] {
  const units: WorkUnit[] = [];
  const add = (file: string, start: number, end: number) => units.push({ index: units.length, file, range: { start, end } });
  for (const { file, size } of files) {
    if (size <= splitBytes || !isSeekable(file)) {
      units.push({ index: units.length, file });
      continue;
    }
    if (balanced) {
      for (let start = 0; start < size; ) {
        const remaining = size - start;
        const piece = remaining < 2 * splitBytes ? remaining : Math.max(splitBytes, Math.ceil(remaining / (threads * PIECES_PER_THREAD)));
        add(file, start, start + piece);
        start += piece;
      }
      continue;
    }
    const count = Math.max(1, Math.min(threads, Math.floor(size / splitBytes)));
    const step = Math.ceil(size / count);
    for (let start = 0; start < size; start += step) add(file, start, Math.min(size, start + step));
  }
  return units;
}

/** The requested thread count, else all cores for large inputs and 1 for small ones. */
export function chooseThreads(requested: number | undefined, totalBytes: number): number {
  if (requested !== undefined) return requested;
  return totalBytes < SMALL_INPUT_BYTES ? 1 : availableParallelism();
}
