// GroupTable: the groups of one aggregation over (a slice of) the input; tables over slices merge into one.
import { Event, type Scalar } from '../runtime/event.js';
import type { Aggregation, Group } from './compile.js';
import { compareSortKeys, groupText, sortKeysOf, splitByValues } from './group-keys.js';

/** Groups indexed by BY value text, one Map level per BY field (no key strings are built per event). */
type Index = Map<string, Index | Group>;

/**
 * Memory: one Group per distinct BY combination (plus what each function keeps per group), not per event.
 * Events missing a BY field join no group; a multivalue BY field puts the event in one group per value.
 */
export class GroupTable {
  private readonly index: Index = new Map();
  private readonly groups: Group[] = [];
  /** The current event's BY values (reused: no allocation per event). */
  private readonly scratch: Scalar[] = [];

  constructor(private readonly aggregation: Aggregation) {}

  /** Add one event; `ordinal` is its position in the whole input. */
  add(ev: Event, ordinal: number): void {
    const { byFields } = this.aggregation;
    for (let i = 0; i < byFields.length; i++) {
      const v = ev.get(byFields[i]!);
      if (v === undefined) return;
      if (Array.isArray(v)) {
        for (const values of splitByValues(ev, byFields, this.aggregation.dedupSplitValues)!) {
          this.aggregation.addEvent(this.find(values, true)!, ev, ordinal);
        }
        return;
      }
      this.scratch[i] = v;
    }
    this.aggregation.addEvent(this.find(this.scratch, true)!, ev, ordinal);
  }

  /** The groups an event belongs to, without creating any (e.g. for eventstats' second pass). */
  groupsOf(ev: Event): Group[] {
    const combos = splitByValues(ev, this.aggregation.byFields, this.aggregation.dedupSplitValues) ?? [];
    return combos.map((values) => this.find(values, false)).filter((g): g is Group => g !== undefined);
  }

  /** Fold another table (over other events of the same input) into this one; `other`'s groups are taken over. */
  merge(other: GroupTable): void {
    for (const group of other.groups) this.mergeGroup(group);
  }

  /** Fold in one partial group built elsewhere (e.g. another thread) over other events; it is taken over. */
  mergeGroup(group: Group): void {
    const mine = this.find(group.byValues, false);
    if (mine) this.aggregation.mergeGroups(mine, group);
    else this.insert(group.byValues, group);
  }

  /** The partial groups, to hand to another table or thread (states are plain objects, arrays and Maps). */
  partialGroups(): readonly Group[] {
    return this.groups;
  }

  /**
   * The result rows, sorted ascending by the BY values. Without BY fields there is always exactly one row,
   * even over no events (then `count` is 0 and most other functions have no value).
   */
  rows(): Event[] {
    const agg = this.aggregation;
    if (agg.byFields.length === 0 && this.groups.length === 0) this.find([], true);
    const sorted = this.groups.map((group) => ({ group, keys: sortKeysOf(group.byValues) })).sort((a, b) => compareSortKeys(a.keys, b.keys));
    return sorted.map(({ group }) => {
      const row = new Event();
      agg.writeRow(group, row);
      return row;
    });
  }

  /** The group of these BY values; created (with a copy of `values`) when `create`. */
  private find(values: Scalar[], create: boolean): Group | undefined {
    const depth = this.aggregation.byFields.length;
    let level = this.index;
    for (let i = 0; i < depth; i++) {
      const next = level.get(groupText(values[i]!));
      if (next === undefined) return create ? this.insert(values, this.aggregation.newGroup(values.slice(0, depth))) : undefined;
      if (i === depth - 1) return next as Group;
      level = next as Index;
    }
    // No BY fields: the one group lives under the empty key.
    const only = level.get('') as Group | undefined;
    return only ?? (create ? this.insert(values, this.aggregation.newGroup([])) : undefined);
  }

  private insert(values: Scalar[], group: Group): Group {
    const depth = this.aggregation.byFields.length;
    let level = this.index;
    for (let i = 0; i < depth - 1; i++) {
      const text = groupText(values[i]!);
      let next = level.get(text) as Index | undefined;
      if (!next) level.set(text, (next = new Map()));
      level = next;
    }
    level.set(depth === 0 ? '' : groupText(values[depth - 1]!), group);
    this.groups.push(group);
    return group;
  }
}
