// Cut the input into work units (files, large plain files into byte ranges) and choose how many threads to use.
import { availableParallelism } from 'node:os';
import { isSeekable } from '../input/sources/chunks.js';
import type { WorkUnit } from './messages.js';
import type { ClaimableFile } from './claims.js';
import { DEFAULT_SPLIT_BYTES, SMALL_INPUT_BYTES } from './limits.js';

export { DEFAULT_SPLIT_BYTES, SMALL_INPUT_BYTES };

export interface SizedFile {
  file: string;
  size: number;
}

/**
 * Units in input order: one per file, except that a seekable file larger than `splitBytes` is cut into one
 * range per thread (fewer when ranges would fall under `splitBytes`), of equal size (a range owns the records
 * that start in it). Few large units, not many shrinking ones: each unit has a cost of its own (a fresh reader, its
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
    const step = Math.ceil(size / count);
    for (let start = 0; start < size; start += step) units.push({ index: units.length, file, range: { start, end: Math.min(size, start + step) } });
  }
  return units;
}

/** The requested thread count, else all cores for large inputs and 1 for small ones. */
export function chooseThreads(requested: number | undefined, totalBytes: number): number {
  if (requested !== undefined) return requested;
  return totalBytes < SMALL_INPUT_BYTES ? 1 : availableParallelism();
}

/** The files as claims.ts cuts them: a seekable file larger than `splitBytes` may be cut anywhere, others stay whole. */
export function claimableFiles(files: readonly SizedFile[], splitBytes = DEFAULT_SPLIT_BYTES): ClaimableFile[] {
  return files.map(({ file, size }) => ({ file, size, splittable: size > splitBytes && isSeekable(file) }));
}
