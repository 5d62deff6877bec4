// Counting mode of a group table (`stats count by a[, b...]`, bare counts): per group its BY values and a count, no Group objects.
import type { Scalar } from '../runtime/event.js';
import { valueBytes, type MemoryTracker } from '../runtime/memory-budget.js';
import { groupText, ownValue } from './group-keys.js';
import { typeRank } from './counting.js';

/** Heap bytes of a counted group, roughly: its index entry, count and value slots (the values' own bytes apart). */
const COUNTED_GROUP_BYTES = 60;
/** Heap bytes of a new index level (a Map under one value of a BY field that is not the last). */
const LEVEL_BYTES = 120;

/** The index: one Map level per BY field, keyed by the value's group text; the last level holds row numbers. */
type Level = Map<string, Level | number>;

/**
 * Groups as rows: `columns[f][i]` is row i's value of BY field f (a compact copy, never a slice of an input line)
 * and `counts[i]` its count. Rows are numbered in the order their groups were first seen. Of values of the same
 * text (`1` and `"1"`) a row keeps the one of highest typeRank (a number, else a string), so what it shows does not
 * depend on the order lines arrive in, nor on how they were split among threads or read (span-counts.ts). With millions of groups
 * this is one index entry and a few slots per group (145k Groups, each with its states and BY-value arrays, made most
 * of the collector's work in `stats count by ProcessGuid`).
 */
export class CountedGroups {
  readonly columns: Scalar[][];
  readonly counts: number[] = [];
  private readonly index: Level = new Map();
  /** Bytes counted against the budget so far (handed to another budget when another table takes these rows over). */
  private bytes = 0;

  constructor(
    readonly depth: number,
    private memory?: MemoryTracker,
  ) {
    this.columns = Array.from({ length: depth }, () => []);
  }

  /** From now on count against `memory` (these rows' bytes so far included): another table took them over. */
  moveTo(memory: MemoryTracker | undefined): void {
    this.memory = memory;
    memory?.addBytes(this.bytes);
  }

  get size(): number {
    return this.counts.length;
  }

  /** Count `n` for the one BY value `v` (a table with one BY field); `copy`: v may be a slice of an input line. Returns the row. */
  countOne(v: Scalar, n: number, copy: boolean): number {
    const text = groupText(v);
    const at = this.index.get(text) as number | undefined;
    if (at === undefined) return this.newRow(this.index, text, [v], n, copy);
    this.counts[at]! += n;
    if (typeof v !== typeof this.columns[0]![at]) this.keepRanked(0, at, v, copy);
    return at;
  }

  /** Count `n` for these BY values (one per field); `copy`: they may be slices of an input line. Returns the row. */
  countRow(values: readonly Scalar[], n: number, copy: boolean): number {
    const last = this.depth - 1;
    let level = this.index;
    for (let f = 0; f < last; f++) {
      const text = groupText(values[f]!);
      let next = level.get(text) as Level | undefined;
      if (next === undefined) {
        level.set(ownText(values[f]!, text, copy), (next = new Map()));
        this.addBytes(LEVEL_BYTES);
      }
      level = next;
    }
    const text = groupText(values[last]!);
    const at = level.get(text) as number | undefined;
    if (at === undefined) return this.newRow(level, text, values, n, copy);
    this.counts[at]! += n;
    for (let f = 0; f <= last; f++) if (typeof values[f] !== typeof this.columns[f]![at]) this.keepRanked(f, at, values[f]!, copy);
    return at;
  }

  /** Row `row` shows `v` for field `f` (the same text as its value) when v's type ranks higher. */
  private keepRanked(f: number, row: number, v: Scalar, copy: boolean): void {
    const column = this.columns[f]!;
    if (typeRank(v) > typeRank(column[row]!)) column[row] = copy ? ownValue(v) : v;
  }

  /** Count `n` more in row `row` (a number countOne or countRow gave). */
  countAt(row: number, n: number): void {
    this.counts[row]! += n;
  }

  /** Fold in another table's rows (over other events of the same input); its values are already compact. */
  absorb(columns: readonly (readonly Scalar[])[], counts: ArrayLike<number>, rows: number): void {
    const values: Scalar[] = new Array<Scalar>(this.depth);
    for (let i = 0; i < rows; i++) {
      if (this.depth === 1) {
        this.countOne(columns[0]![i]!, counts[i]!, false);
        continue;
      }
      for (let f = 0; f < this.depth; f++) values[f] = columns[f]![i]!;
      this.countRow(values, counts[i]!, false);
    }
  }

  /** A new row under `level` (the last level of the index) keyed by `text`: its number. */
  private newRow(level: Level, text: string, values: readonly Scalar[], n: number, copy: boolean): number {
    const row = this.counts.length;
    let bytes = COUNTED_GROUP_BYTES;
    for (let f = 0; f < this.depth; f++) {
      const v = copy ? ownValue(values[f]!) : values[f]!;
      this.columns[f]!.push(v);
      bytes += 2 * valueBytes(v);
    }
    const last = this.columns[this.depth - 1]![row]!;
    level.set(typeof last === 'string' ? last : text, row);
    this.counts.push(n);
    this.addBytes(bytes);
    return row;
  }

  private addBytes(bytes: number): void {
    this.bytes += bytes;
    this.memory?.addBytes(bytes);
  }
}

/** The key a new index level is kept under: the value's own copy when it is a string (its text), else its text. */
function ownText(v: Scalar, text: string, copy: boolean): string {
  return typeof v === 'string' && copy ? (ownValue(v) as string) : text;
}
