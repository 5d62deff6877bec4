// Cut the input into work units (files, large plain files into byte ranges) and choose how many threads to use.
import { availableParallelism } from 'node:os';
import { isSeekable } from '../input/chunks.js';
import type { WorkUnit } from './messages.js';

const MIB = 1024 * 1024;
/** Files above this size are cut into byte ranges of at least this size. */
export const DEFAULT_SPLIT_BYTES = 16 * MIB;
/** Below this much input the default is one thread: starting workers would cost more than they save. */
export const SMALL_INPUT_BYTES = 32 * MIB;
/**
 * A range takes this share of what is left of the file per thread: ranges shrink as the file is used up
 * (guided scheduling), so the first ones are large (few units) and the last ones small (threads finish together).
 */
const SHARE_PER_THREAD = 1 / 2;

export interface SizedFile {
  file: string;
  size: number;
}

/**
 * Units in input order: one per file, except that a seekable file larger than `splitBytes` is cut into ranges
 * of max(splitBytes, remaining / (threads × 2)) bytes (a range owns the records that start in it).
 */
export function planUnits(files: readonly SizedFile[], threads: number, splitBytes = DEFAULT_SPLIT_BYTES): WorkUnit[] {
  const units: WorkUnit[] = [];
  for (const { file, size } of files) {
    if (size <= splitBytes || !isSeekable(file)) {
      units.push({ index: units.length, file });
      continue;
    }
    for (let start = 0; start < size; ) {
      const step = Math.max(splitBytes, Math.ceil(((size - start) * SHARE_PER_THREAD) / threads));
      const end = size - (start + step) < splitBytes ? size : start + step;
      units.push({ index: units.length, file, range: { start, end } });
      start = end;
    }
  }
  return units;
}

/** The requested thread count, else all cores for large inputs and 1 for small ones. */
export function chooseThreads(requested: number | undefined, totalBytes: number): number {
  if (requested !== undefined) return requested;
  return totalBytes < SMALL_INPUT_BYTES ? 1 : availableParallelism();
}
