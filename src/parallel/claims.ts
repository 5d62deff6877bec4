// Work units handed out as threads become free (runs whose units send only tables): each takes its share of what is left.
import type { WorkUnit } from './messages.js';

/** An input file as the planner saw it: its size, and whether it may be cut into byte ranges. */
export interface ClaimableFile {
  file: string;
  size: number;
  splittable: boolean;
}

/** A unit some thread is running: its size in bytes, how many it has read so far, and how fast (bytes/ms) if known. */
export interface RunningUnit {
  bytes: number;
  done: number;
  rate?: number;
}

/**
 * The last quarter of the input (when at least TAIL_MIN_UNITS minimum units) is held back from the first claims
 * and dealt by speed once the threads have shown theirs: threads that read at different speeds (the main thread was
 * seen 30% slower per byte at load 5, docs/parallel.md) still end close together, for a unit or two more (~12 ms of
 * CPU each).
 */
export const TAIL_FRACTION = 1 / 4;

/** The tail fraction in force: SPLQ_CLAIM_TAIL (a number from 0 to 0.5, for comparisons: 0 holds nothing back), else TAIL_FRACTION. */
export function tailFraction(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SPLQ_CLAIM_TAIL);
  return env.SPLQ_CLAIM_TAIL !== undefined && env.SPLQ_CLAIM_TAIL !== '' && value >= 0 && value <= 0.5 ? value : TAIL_FRACTION;
}
const TAIL_MIN_UNITS = 4;

/** A claim: the unit and its size in bytes. */
export interface Claim {
  unit: WorkUnit;
  bytes: number;
}

/**
 * Cuts the input front to back, so unit indices follow input order whatever thread takes a unit. A free thread
 * takes its share of the bytes left to read (bytes unclaimed + bytes the running units have left), in proportion
 * to its speed among all the threads' (a thread whose speed is not known yet counts at the mean of those known; none
 * known: equal shares), so that all would finish together. The first claims share out all but the tail reserve;
 * the reserve goes by the same rule to the threads free first. With two threads of equal speed and a 1.2 GB file:
 * the main thread takes 3/8 of it, a worker ready after the main thread has read d bytes (3/4 - d) / 2, then the
 * tail is split by speed: ~4 units instead of 2. A piece is never under `minBytes`, nor leaves less than that behind
 * (a unit costs a fresh reader), and a whole file that may not be cut is one unit. docs/parallel.md, "Claimed units".
 */
export class UnitClaims {
  private readonly queue: ClaimableFile[];
  /** Offset where the head file's unclaimed part starts. */
  private offset = 0;
  private nextIndex = 0;
  /** Every unit handed out, by index. */
  readonly units: WorkUnit[] = [];
  /** Bytes at the end of the input held back from the first claims. */
  private readonly reserve: number;

  constructor(files: readonly ClaimableFile[], private readonly threads: number, private readonly minBytes: number, tail = tailFraction()) {
    this.queue = [...files];
    const reserve = Math.floor(files.reduce((sum, file) => sum + file.size, 0) * tail);
    this.reserve = reserve >= TAIL_MIN_UNITS * minBytes ? reserve : 0;
  }

  /**
   * The next unit for a free thread reading at `ownRate` bytes/ms (undefined: not known yet), given the units
   * running on the others; null once everything is handed out.
   */
  next(running: readonly RunningUnit[], ownRate?: number): Claim | null {
    const claim = this.cut(running, ownRate);
    if (claim) this.units.push(claim.unit);
    return claim;
  }

  /** The next piece of the head file (the whole file when it may not be cut). */
  private cut(running: readonly RunningUnit[], ownRate: number | undefined): Claim | null {
    const head = this.queue[0];
    if (!head) return null;
    const index = this.nextIndex++;
    if (!head.splittable) {
      this.queue.shift();
      return { unit: { index, file: head.file }, bytes: head.size };
    }
    const rest = head.size - this.offset;
    const size = this.pieceBytes(rest, running, ownRate);
    const start = this.offset;
    this.offset += size;
    if (this.offset >= head.size) {
      this.queue.shift();
      this.offset = 0;
    }
    return { unit: { index, file: head.file, range: { start, end: start + size } }, bytes: size };
  }

  /** This thread's share of the work left (short of the reserve while more is unclaimed), as a piece of the head file's `rest` bytes. */
  private pieceBytes(rest: number, running: readonly RunningUnit[], ownRate: number | undefined): number {
    const unclaimed = this.queue.reduce((sum, file) => sum + file.size, 0) - this.offset;
    // The first round of claims (one per thread) leaves the reserve alone.
    const held = this.nextIndex <= this.threads && unclaimed - this.reserve >= this.minBytes ? this.reserve : 0;
    const left = unclaimed - held + running.reduce((sum, unit) => sum + Math.max(0, unit.bytes - unit.done), 0);
    const share = Math.min(unclaimed - held, Math.max(this.minBytes, Math.ceil(left * this.speedShare(running, ownRate))));
    return rest - share < this.minBytes ? rest : share;
  }

  /** This thread's part of all the threads' speed (1 / threads when the speeds are equal or unknown). */
  private speedShare(running: readonly RunningUnit[], ownRate: number | undefined): number {
    const known = [ownRate, ...running.map((unit) => unit.rate)].filter((rate): rate is number => rate !== undefined && rate > 0);
    if (known.length === 0) return 1 / this.threads;
    const mean = known.reduce((sum, rate) => sum + rate, 0) / known.length;
    const own = ownRate !== undefined && ownRate > 0 ? ownRate : mean;
    const others = running.reduce((sum, unit) => sum + (unit.rate !== undefined && unit.rate > 0 ? unit.rate : mean), 0);
    const idle = Math.max(0, this.threads - 1 - running.length) * mean;
    return own / (own + others + idle);
  }
}
