// Counting mode of a group table (`stats count by a[, b...]`, bare counts): per group its BY values and a count, no Group objects.
import type { Scalar } from '../runtime/event.js';
import { valueBytes, type MemoryTracker } from '../runtime/memory-budget.js';
import { groupText, joinedGroupKey, ownValue } from './group-keys.js';
import { ownString } from '../util/own-string.js';

/** Heap bytes of a counted group, roughly: its index entry, count and value slots (the values' own bytes apart). */
const COUNTED_GROUP_BYTES = 60;

/**
 * Groups as rows: `columns[f][i]` is row i's value of BY field f (a compact copy, never a slice of an input line)
 * and `counts[i]` its count. Rows are numbered in the order their groups were first seen. With millions of groups
 * this is one index entry and a few slots per group (145k Groups, each with its states and BY-value arrays, made most
 * of the collector's work in `stats count by ProcessGuid`).
 */
export class CountedGroups {
  readonly columns: Scalar[][];
  readonly counts: number[] = [];
  /** Row numbers by the BY value's group text (one BY field) or the values' joined key (joinedGroupKey). */
  private readonly index = new Map<string, number>();
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

  /** Count `n` for the one BY value `v` (a table with one BY field); `copy`: v may be a slice of an input line. */
  countOne(v: Scalar, n: number, copy: boolean): void {
    const text = groupText(v);
    const at = this.index.get(text);
    if (at !== undefined) this.counts[at]! += n;
    else this.newRow(text, [v], n, copy);
  }

  /** Count `n` for these BY values (one per field); `copy`: they may be slices of an input line. */
  countRow(values: readonly Scalar[], n: number, copy: boolean): void {
    if (this.depth === 1) return this.countOne(values[0]!, n, copy);
    const key = joinedGroupKey(values, this.depth);
    const at = this.index.get(key);
    if (at !== undefined) this.counts[at]! += n;
    else this.newRow(key, values, n, copy);
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

  /** A new row keyed by `key` (a value's text, or the joined key of several: kept as a copy of its own). */
  private newRow(key: string, values: readonly Scalar[], n: number, copy: boolean): void {
    const row = this.counts.length;
    let bytes = COUNTED_GROUP_BYTES;
    for (let f = 0; f < this.depth; f++) {
      const v = copy ? ownValue(values[f]!) : values[f]!;
      this.columns[f]!.push(v);
      bytes += 2 * valueBytes(v);
    }
    if (this.depth > 1) {
      // The key's text again, as the index's share of the bytes (the values' copies are counted above).
      bytes += 2 * key.length;
      this.index.set(ownString(key), row);
    } else {
      const only = this.columns[0]![row]!;
      this.index.set(typeof only === 'string' ? only : key, row);
    }
    this.counts.push(n);
    this.addBytes(bytes);
  }

  private addBytes(bytes: number): void {
    this.bytes += bytes;
    this.memory?.addBytes(bytes);
  }
}
