// GroupTable: the groups of one aggregation over (a slice of) the input; tables over slices merge into one.
import { Event, type Scalar } from '../runtime/event.js';
import type { Aggregation, Group, PackedStates } from './compile.js';
import { typeRank, type Counter } from './counting.js';
import { CountedGroups } from './counted-groups.js';
import { groupText, joinedGroupKey, ownValue, splitByValues } from './group-keys.js';
import { ownString } from '../util/own-string.js';
import { orderGroups, orderRows, orderSingleFieldGroups } from './group-order.js';
import { valueBytes, type MemoryTracker } from '../runtime/memory-budget.js';

/** Heap bytes of a new group, roughly: the group and its arrays, one small state per slot, its index entries and keys. */
function groupBytes(group: Group): number {
  let bytes = 200 + 48 * group.states.length;
  for (const v of group.byValues) bytes += 40 + 2 * valueBytes(v);
  return bytes;
}

/**
 * Of BY values of the same text (`1` and `"1"`), a group shows the one of highest typeRank (a number, else a string),
 * whatever order they came in or however the input was split among threads (as counted-groups.ts does).
 */
function keepRanked(group: Group, f: number, v: Scalar): void {
  if (typeRank(v) > typeRank(group.byValues[f]!)) group.byValues[f] = ownValue(v);
}

/** A table's groups as columns, to cross threads: BY values per field, then the packed states (group i is row i). */
export interface PackedGroups {
  count: number;
  byColumns: Scalar[][];
  states: PackedStates;
}

/**
 * Counting rows by the pack made of them, while the pack is on the thread that made it (a structured clone is
 * another object): a counting table with no groups yet takes such rows over whole instead of indexing a copy (the
 * main thread's own partial table, ~100k groups in Q4). A table is packed when its thread is done with it.
 */
const packedRows = new WeakMap<PackedGroups, CountedGroups>();

/**
 * Memory: one Group per distinct BY combination (plus what each function keeps per group), not per event.
 * Events missing a BY field join no group; a multivalue BY field puts the event in one group per value.
 */
export class GroupTable {
  /** With exactly one BY field: the groups by their value's text (one lookup per event, nothing built). */
  private readonly byText: Map<string, Group> | null;
  /** With no or several BY fields: the groups by their BY values' joined key (joinedGroupKey; no BY fields: the one group under ''). */
  private readonly byKey = new Map<string, Group>();
  private readonly groups: Group[] = [];
  /** The current event's BY values with several BY fields (reused: no allocation per event). */
  private readonly scratch: Scalar[] = [];

  /** Bytes of the states' growth already counted against the memory budget. */
  private counted = 0;
  /**
   * `stats count by x[, y...]` (bare counts only): groups as rows of values and counts (counted-groups.ts), which
   * add, pack, merge and give rows without Groups; Groups are made the first time something else needs them
   * (eventstats' groupsOf, merging a table that is not counting), after which the table works as any other.
   */
  private counting: CountedGroups | null;

  /** `memory`: the budget the groups and their states count against (none: unbounded, e.g. in unit tests). */
  constructor(
    readonly aggregation: Aggregation,
    private readonly memory?: MemoryTracker,
  ) {
    this.byText = aggregation.byFields.length === 1 ? new Map() : null;
    const depth = aggregation.byFields.length;
    this.counting = depth > 0 && aggregation.countsOnly ? new CountedGroups(depth, memory) : null;
  }

  /** Add one event; `ordinal` is its position in the whole input. */
  add(ev: Event, ordinal: number): void {
    this.addToGroups(ev, ordinal);
    if (this.memory === undefined) return;
    const grown = this.aggregation.grownBytes();
    if (grown !== this.counted) {
      this.memory.addBytes(grown - this.counted);
      this.counted = grown;
    }
  }

  private addToGroups(ev: Event, ordinal: number): void {
    const agg = this.aggregation;
    const { counting } = this;
    if (counting !== null) {
      if (counting.depth === 1) {
        const v = ev.get(agg.byFields[0]!);
        if (v !== undefined && !Array.isArray(v)) {
          counting.countOne(v, 1, true);
          return;
        }
      } else if (this.readScalars(ev)) {
        counting.countRow(this.scratch, 1, true);
        return;
      }
      // A multivalue BY field: a count for each combination (a missing field: none).
      for (const values of splitByValues(ev, agg.byFields, agg.dedupSplitValues) ?? []) counting.countRow(values, 1, true);
      return;
    }
    if (this.byText !== null) {
      const v = ev.get(agg.byFields[0]!);
      if (v === undefined) return;
      if (!Array.isArray(v)) {
        const group = this.byText.get(groupText(v));
        if (group === undefined) agg.addEvent(this.create([v]), ev, ordinal);
        else {
          if (typeof v !== typeof group.byValues[0]) keepRanked(group, 0, v);
          agg.addEvent(group, ev, ordinal);
        }
        return;
      }
    } else if (this.readScalars(ev)) {
      agg.addEvent(this.findRanked(this.scratch) ?? this.create(this.scratch), ev, ordinal);
      return;
    }
    // A multivalue BY field (or a missing one: no combinations).
    for (const values of splitByValues(ev, agg.byFields, agg.dedupSplitValues) ?? []) {
      agg.addEvent(this.findRanked(values) ?? this.create(values), ev, ordinal);
    }
  }

  /**
   * While the table counts (`stats count by ...`): a way to count lines without making events of them, for the
   * reader (input/json/span-counts.ts): rows by their BY values (scalars decoded from bytes, so strings of their
   * own, kept as they are), then by row number. Null when the table does not count. The row numbers hold until the
   * table is packed or leaves counting mode (neither happens while a unit reads).
   */
  lineCounts(): { fields: readonly string[]; countValues(values: readonly Scalar[]): number; countAt(row: number): void } | null {
    const { counting } = this;
    if (counting === null) return null;
    return {
      fields: this.aggregation.byFields,
      countValues: counting.depth === 1 ? (values) => counting.countOne(values[0]!, 1, false) : (values) => counting.countRow(values, 1, false),
      countAt: (row) => counting.countAt(row, 1),
    };
  }

  /** Leave counting mode: a Group per counted row, in the order they were first seen (their bytes were counted). */
  private makeGroups(): void {
    const { counting } = this;
    if (counting === null) return;
    this.counting = null;
    const agg = this.aggregation;
    for (let i = 0; i < counting.size; i++) {
      const group = agg.newGroup(counting.columns.map((column) => column[i]!));
      (group.states[0] as Counter).n = counting.counts[i]!;
      this.index(group);
      this.groups.push(group);
    }
  }

  /** The groups an event belongs to, without creating any (e.g. for eventstats' second pass). */
  groupsOf(ev: Event): Group[] {
    this.makeGroups();
    const combos = splitByValues(ev, this.aggregation.byFields, this.aggregation.dedupSplitValues) ?? [];
    return combos.map((values) => this.find(values)).filter((g): g is Group => g !== undefined);
  }

  /** Fold another table (over other events of the same input) into this one; `other`'s groups are taken over. */
  merge(other: GroupTable): void {
    if (this.counting !== null && other.counting !== null) {
      const { columns, counts, size } = other.counting;
      this.counting.absorb(columns, counts, size);
      return;
    }
    this.makeGroups();
    other.makeGroups();
    for (const group of other.groups) {
      const mine = this.findRanked(group.byValues);
      if (mine) this.aggregation.mergeGroups(mine, group);
      else this.insert(group);
    }
  }

  /** The groups as columns (for another thread's `mergePacked`); the table is done with (its counting rows may be taken over). */
  pack(): PackedGroups {
    const { counting } = this;
    if (counting !== null) {
      // The columns packStates would give for bare counts: the values, and the counts as one Float64Array.
      const packed = { count: counting.size, byColumns: counting.columns, states: { slots: [Float64Array.from(counting.counts)], fieldStates: [] } };
      packedRows.set(packed, counting);
      return packed;
    }
    this.makeGroups();
    const depth = this.aggregation.byFields.length;
    const byColumns = Array.from({ length: depth }, (_, field) => this.groups.map((g) => g.byValues[field]!));
    return { count: this.groups.length, byColumns, states: this.aggregation.packStates(this.groups) };
  }

  /** Fold in packed groups built elsewhere (e.g. another thread) over other events of the same input. */
  mergePacked(packed: PackedGroups): void {
    const agg = this.aggregation;
    const { byColumns, states } = packed;
    const { counting } = this;
    if (counting !== null) {
      const rows = packedRows.get(packed);
      if (counting.size === 0 && rows !== undefined && rows.depth === counting.depth) {
        packedRows.delete(packed);
        rows.moveTo(this.memory);
        this.counting = rows;
        return;
      }
      // Bare counts pack as one Float64Array (counting.ts), whichever mode the other table was in.
      counting.absorb(byColumns, states.slots[0] as Float64Array, packed.count);
      return;
    }
    this.makeGroups();
    for (let i = 0; i < packed.count; i++) {
      const mine = this.findRanked(byColumns.map((column) => column[i]!));
      if (mine) agg.mergePacked(mine, states, i);
      else this.insert(agg.unpackGroup(byColumns.map((column) => column[i]!), states, i));
    }
  }

  /** The result rows in order (see `forEachRow`). */
  rows(): Event[] {
    const rows: Event[] = [];
    this.forEachRow((row) => rows.push(row));
    return rows;
  }

  /** In counting mode, the name of the count column (for a following sort by it); else undefined. */
  countColumn(): string | undefined {
    return this.counting === null ? undefined : this.aggregation.columns[this.aggregation.byFields.length];
  }

  /** In counting mode, the `n`-th largest count (0 when there are no more than `n` groups, or not counting). */
  nthLargestCount(n: number): number {
    const { counting } = this;
    if (counting === null || n < 1 || counting.size <= n) return 0;
    const counts = Float64Array.from(counting.counts).sort();
    return counts[counts.length - n]!;
  }

  /**
   * Hand out the result rows one at a time, sorted ascending by the BY values (a row nobody keeps dies young); with
   * `ordered` false, in the order the groups were made (for a next stage that orders them itself), and in counting
   * mode only the rows counted at least `leastCount` times.
   * Without BY fields there is always exactly one row, even over no events (then `count` is 0 and most other
   * functions have no value).
   */
  forEachRow(onRow: (row: Event) => void, ordered = true, leastCount = 0): void {
    const agg = this.aggregation;
    const { counting } = this;
    if (counting !== null) {
      if (counting.size === 0) return;
      // One scratch group written out per counted row (writeRow copies what it reads).
      const { columns, counts } = counting;
      const scratch = agg.newGroup(columns.map((column) => column[0]!));
      const write = (i: number) => {
        for (let f = 0; f < columns.length; f++) scratch.byValues[f] = columns[f]![i]!;
        (scratch.states[0] as Counter).n = counts[i]!;
        const row = new Event();
        agg.writeRow(scratch, row);
        onRow(row);
      };
      if (ordered) orderRows(columns, counting.size).forEach(write);
      else for (let i = 0; i < counting.size; i++) if (counts[i]! >= leastCount) write(i);
      return;
    }
    this.makeGroups();
    if (agg.byFields.length === 0 && this.groups.length === 0) this.create([]);
    const byText = this.byText;
    const groups = !ordered ? this.groups : byText ? orderSingleFieldGroups(this.groups, (text) => byText.get(text)!) : orderGroups(this.groups);
    for (const group of groups) {
      const row = new Event();
      agg.writeRow(group, row);
      onRow(row);
    }
  }

  /** Fill the scratch with the event's BY values; false when one is missing or multivalue. */
  private readScalars(ev: Event): boolean {
    const { byFields } = this.aggregation;
    for (let i = 0; i < byFields.length; i++) {
      const v = ev.get(byFields[i]!);
      if (v === undefined || Array.isArray(v)) return false;
      this.scratch[i] = v;
    }
    return true;
  }

  /** The group of these BY values, if any, showing from now on any of them that ranks higher than its own (keepRanked). */
  private findRanked(values: readonly Scalar[]): Group | undefined {
    const group = this.find(values);
    if (group !== undefined) for (let f = 0; f < values.length; f++) if (typeof values[f] !== typeof group.byValues[f]) keepRanked(group, f, values[f]!);
    return group;
  }

  /** The group of these BY values, if any. */
  private find(values: readonly Scalar[]): Group | undefined {
    if (this.byText !== null) return this.byText.get(groupText(values[0]!));
    return this.byKey.get(joinedGroupKey(values, this.aggregation.byFields.length));
  }

  /** A new group for these BY values (kept as compact copies). */
  private create(values: readonly Scalar[]): Group {
    return this.insert(this.aggregation.newGroup(values.map(ownValue)));
  }

  /** Index and keep a group (none has its BY values yet), its bytes counted against the budget. */
  private insert(group: Group): Group {
    this.index(group);
    this.groups.push(group);
    this.memory?.addBytes(groupBytes(group));
    return group;
  }

  /** Index a group by its own BY values, so the index keeps no input text alive (the joined key is a copy of its own). */
  private index(group: Group): void {
    const values = group.byValues;
    if (this.byText !== null) this.byText.set(groupText(values[0]!), group);
    else this.byKey.set(ownString(joinedGroupKey(values, values.length)), group);
  }
}
