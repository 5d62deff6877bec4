// Work units handed out as threads become free (runs whose units send only tables): each takes its share of what is left.
import type { WorkUnit } from './messages.js';

/** An input file as the planner saw it: its size, and whether it may be cut into byte ranges. */
export interface ClaimableFile {
  file: string;
  size: number;
  splittable: boolean;
}

/** A unit some thread is running: its size in bytes and how many of them it has read so far. */
export interface RunningUnit {
  bytes: number;
  done: number;
}

/**
 * The last eighth of the input is held back from the first claims and goes to whichever thread is free first:
 * threads that read at different speeds (another process on one core) still end close together, for a unit or two
 * more (~12 ms of CPU each, docs/parallel.md).
 */
export const TAIL_FRACTION = 1 / 8;

/**
 * Cuts the input front to back, so unit indices follow input order whatever thread takes a unit. A free thread
 * takes its fair share of the bytes not yet read: (bytes unclaimed + bytes the running units have left) / threads,
 * short of the tail reserve while there is more. With two threads and no reserve, the main thread starts on the
 * first half; a worker that becomes ready after the main thread has read d bytes takes half of what is left,
 * (size - d) / 2, and the main thread then takes the rest, so both finish together however late the worker came;
 * with the reserve the worker stops short of the last eighth, which the first thread free takes (its share of it,
 * the rest to the other). A piece is never under `minBytes`, nor leaves less than that behind (a unit costs a
 * fresh reader), and a whole file that may not be cut is one unit. docs/parallel.md, "Work units".
 */
export class UnitClaims {
  private readonly queue: ClaimableFile[];
  /** Offset where the head file's unclaimed part starts. */
  private offset = 0;
  private nextIndex = 0;
  /** Every unit handed out, by index. */
  readonly units: WorkUnit[] = [];

  /** Bytes at the end of the input held back from the first claims (0 when under the minimum unit). */
  private readonly reserve: number;

  constructor(files: readonly ClaimableFile[], private readonly threads: number, private readonly minBytes: number, tailFraction = TAIL_FRACTION) {
    this.queue = [...files];
    const reserve = Math.floor(files.reduce((sum, file) => sum + file.size, 0) * tailFraction);
    this.reserve = reserve >= minBytes ? reserve : 0;
  }

  /** The next unit for a free thread, given the units running on the others; null once everything is handed out. */
  next(running: readonly RunningUnit[]): { unit: WorkUnit; bytes: number } | null {
    const claim = this.cut(running);
    if (claim) this.units.push(claim.unit);
    return claim;
  }

  /** The next piece of the head file (the whole file when it may not be cut). */
  private cut(running: readonly RunningUnit[]): { unit: WorkUnit; bytes: number } | null {
    const head = this.queue[0];
    if (!head) return null;
    const index = this.nextIndex++;
    if (!head.splittable) {
      this.queue.shift();
      return { unit: { index, file: head.file }, bytes: head.size };
    }
    const rest = head.size - this.offset;
    const size = this.pieceBytes(rest, running);
    const start = this.offset;
    this.offset += size;
    if (this.offset >= head.size) {
      this.queue.shift();
      this.offset = 0;
    }
    return { unit: { index, file: head.file, range: { start, end: start + size } }, bytes: size };
  }

  /**
   * This thread's share of the work left, as a piece of the head file's `rest` bytes; while more than the tail
   * reserve is unclaimed, no piece reaches into it.
   */
  private pieceBytes(rest: number, running: readonly RunningUnit[]): number {
    const unclaimed = this.queue.reduce((sum, file) => sum + file.size, 0) - this.offset;
    const left = unclaimed + running.reduce((sum, unit) => sum + Math.max(0, unit.bytes - unit.done), 0);
    let share = Math.max(this.minBytes, Math.ceil(left / this.threads));
    if (unclaimed - this.reserve >= this.minBytes) share = Math.min(share, unclaimed - this.reserve);
    return rest - share < this.minBytes ? rest : share;
  }
}
