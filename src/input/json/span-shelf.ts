// The last span picker (and line counter) of one thread's work units, kept for the next unit of the same file: its intern ids, decoded values and counted rows carry over.
import type { SpanCounts } from './span-counts.js';
import type { SpanPicker } from './span-picker.js';

/**
 * What a thread's next unit may take over from its last: the picker read the same file for the same query (so its
 * per-id first-search verdicts hold too), and its counter counted into the same table. Without it each unit of a
 * split file would intern, decode and look up in the table every distinct value again (Q4: ~100k per unit).
 * Holds one file's picker at a time (a module instance of a few MiB), so memory stays flat over many files.
 */
export class SpanShelf {
  private key: string | null = null;
  private picker: SpanPicker | null = null;
  private counter: SpanCounts | null = null;
  private target: object | null = null;

  /** The picker kept under `key`, else the one `make` gives (kept from now on in place of the last). */
  pickerFor(key: string, make: () => SpanPicker | null): SpanPicker | null {
    if (key !== this.key) {
      this.key = key;
      this.picker = make();
      this.counter = null;
      this.target = null;
    }
    return this.picker;
  }

  /** The counter kept for this picker and `target`, else the one `make` gives (kept from now on). */
  countsFor(picker: SpanPicker, target: object, make: () => SpanCounts | null): SpanCounts | null {
    if (picker !== this.picker) return make();
    if (target !== this.target) {
      this.target = target;
      this.counter = make();
    }
    return this.counter;
  }
}
