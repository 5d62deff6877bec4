// Lines of a `stats count by` counted by the key locator's intern ids: no event, no string and no Map lookup per line.
import type { Scalar } from '../../runtime/event.js';
import type { SpanPicker } from './span-picker.js';

/**
 * Where counted lines go: a counting group table (src/aggregates/counted-groups.ts through GroupTable), which
 * keys its rows by the values' group text, so a line counted here and one that became an event meet in one row.
 */
export interface LineCounts {
  /** The BY fields, in order. */
  readonly fields: readonly string[];
  /** Count one line with these BY values (scalars decoded from bytes, one per field): the row's number (made on first sight). */
  countValues(values: readonly Scalar[]): number;
  /** Count one more line in row `row` (a number countValues gave). */
  countAt(row: number): void;
}

/** Per intern id: not looked at yet, a scalar (countable), or null (an event would not hold the field). */
const ID_UNKNOWN = 0;
const ID_SCALAR = 1;
const ID_NULL = 2;
/** In `ids`: a BY field the line does not hold (the picker writes only the ones it holds). */
const MISSING = -2;
const EMPTY = -1;

/** The hash of the `depth` ids from `base` in `source`. */
function hashIds(source: Int32Array, base: number, depth: number): number {
  let hash = 0;
  for (let k = 0; k < depth; k++) hash = Math.imul(hash ^ source[base + k]!, 0x9e3779b1);
  return hash ^ (hash >>> 15);
}

/**
 * Counts the key locator's lines into `target` by their BY values' intern ids: per distinct combination of ids one
 * row of the target (its values decoded once), per line one hash probe over a few integers. A line without some BY
 * value (missing or null) and no default for it joins no group, as its event would not. A line it does not count
 * (an array, a value not interned, a missing value with a default) is for the caller to make an event of, which the
 * same table counts by text: the rows and their order are those of a table fed every line as an event.
 */
export class SpanCounts {
  private readonly depth: number;
  private readonly slots: number[];
  /** Slot → position among the BY fields, -1 for the other slots (one entry per key slot of the picker). */
  private readonly positions: Int8Array;
  private readonly ids: Int32Array;
  private readonly values: Scalar[];
  private kinds = new Uint8Array(1024);
  /** Open addressing: per entry `depth` ids, and the target's row in `rows` (EMPTY: a free entry). */
  private keys: Int32Array;
  private rows: Int32Array;
  private mask: number;
  private used = 0;
  /** With one BY field: the row by intern id (EMPTY: not seen), read straight instead of through the hash table. */
  private rowOfId: Int32Array | null;

  /**
   * Null when some BY field is not a slot of `picker` (its lines are then all events). `defaults`: per BY field the
   * value an event gets when its line has none (a metadata default), else undefined.
   */
  static create(picker: SpanPicker, target: LineCounts, defaults: readonly (string | undefined)[]): SpanCounts | null {
    const slots = target.fields.map((field) => picker.slotOf(field));
    if (slots.some((slot) => slot < 0) || new Set(slots).size !== slots.length) return null;
    return new SpanCounts(picker, target, slots, defaults.some((value) => value !== undefined));
  }

  private constructor(
    private readonly picker: SpanPicker,
    private readonly target: LineCounts,
    slots: number[],
    /** Whether some BY field has a default (a line without it is then an event). */
    private readonly defaulted: boolean,
  ) {
    this.depth = slots.length;
    this.slots = slots;
    this.positions = new Int8Array(picker.keyNames().length).fill(-1);
    slots.forEach((slot, position) => (this.positions[slot] = position));
    this.ids = new Int32Array(this.depth);
    this.values = new Array<Scalar>(this.depth);
    this.mask = 1023;
    this.keys = new Int32Array(1024 * this.depth);
    this.rows = new Int32Array(1024).fill(EMPTY);
    this.rowOfId = this.depth === 1 ? new Int32Array(1024).fill(EMPTY) : null;
  }

  /** Counts the picker's current line (into a row, or into none); false: the caller makes it an event. */
  countLine(): boolean {
    const { ids, depth } = this;
    ids.fill(MISSING);
    this.picker.idsOf(this.positions, ids);
    let absent = false;
    for (let k = 0; k < depth; k++) {
      const id = ids[k]!;
      if (id === MISSING) absent = true;
      else if (id < 0) return false;
      else {
        const kind = this.kinds[id] ?? ID_UNKNOWN;
        if ((kind === ID_UNKNOWN ? this.learn(id, k) : kind) === ID_NULL) absent = true;
      }
    }
    if (absent) return !this.defaulted;
    if (this.rowOfId !== null) return this.countById(ids[0]!);
    const hash = hashIds(ids, 0, depth);
    const { rows, mask } = this;
    for (let index = hash & mask; ; index = (index + 1) & mask) {
      const row = rows[index]!;
      if (row === EMPTY) break;
      if (this.sameIds(index)) {
        this.target.countAt(row);
        return true;
      }
    }
    // A new combination: its values decoded once (values[] by id in the picker), one row of the target.
    for (let k = 0; k < depth; k++) this.values[k] = this.picker.internedValue(ids[k]!, this.slots[k]!) as Scalar;
    this.insert(hash, this.target.countValues(this.values));
    return true;
  }

  /** One BY field: the line's row by its id (a direct read: ids are small integers from 0, one table for all slots). */
  private countById(id: number): boolean {
    let rowOfId = this.rowOfId!;
    const known = id < rowOfId.length ? rowOfId[id]! : EMPTY;
    if (known !== EMPTY) {
      this.target.countAt(known);
      return true;
    }
    this.values[0] = this.picker.internedValue(id, this.slots[0]!) as Scalar;
    const row = this.target.countValues(this.values);
    if (id >= rowOfId.length) {
      const grown = new Int32Array(Math.max(rowOfId.length * 2, id + 1)).fill(EMPTY);
      grown.set(rowOfId);
      this.rowOfId = rowOfId = grown;
    }
    rowOfId[id] = row;
    return true;
  }

  /** Whether entry `index` holds the current ids. */
  private sameIds(index: number): boolean {
    const { keys, ids, depth } = this;
    const base = index * depth;
    for (let k = 0; k < depth; k++) if (keys[base + k] !== ids[k]) return false;
    return true;
  }

  /** Looks at id's value once: a string, number or Boolean (ID_SCALAR) or a null (ID_NULL: no field in an event). */
  private learn(id: number, position: number): number {
    if (id >= this.kinds.length) {
      const grown = new Uint8Array(Math.max(this.kinds.length * 2, id + 1));
      grown.set(this.kinds);
      this.kinds = grown;
    }
    const value = this.picker.internedValue(id, this.slots[position]!);
    const kind = value === null ? ID_NULL : ID_SCALAR;
    this.kinds[id] = kind;
    return kind;
  }

  private insert(hash: number, row: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const { keys, rows, mask, ids, depth } = this;
    let index = hash & mask;
    while (rows[index] !== EMPTY) index = (index + 1) & mask;
    rows[index] = row;
    keys.set(ids, index * depth);
    this.used++;
  }

  /** Doubles the table, every entry placed again by its hash. */
  private grow(): void {
    const { keys, rows, depth } = this;
    const capacity = (this.mask + 1) * 2;
    const mask = capacity - 1;
    const newKeys = new Int32Array(capacity * depth);
    const newRows = new Int32Array(capacity).fill(EMPTY);
    for (let index = 0; index < rows.length; index++) {
      if (rows[index] === EMPTY) continue;
      const base = index * depth;
      let at = hashIds(keys, base, depth) & mask;
      while (newRows[at] !== EMPTY) at = (at + 1) & mask;
      newRows[at] = rows[index]!;
      for (let k = 0; k < depth; k++) newKeys[at * depth + k] = keys[base + k]!;
    }
    this.mask = mask;
    this.keys = newKeys;
    this.rows = newRows;
  }
}
