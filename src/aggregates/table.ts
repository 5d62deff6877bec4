// GroupTable: the groups of one aggregation over (a slice of) the input; tables over slices merge into one.
import { Event } from '../runtime/event.js';
import type { Aggregation, Group } from './compile.js';
import { compareSortKeys, sortKeysOf } from './group-keys.js';

/** Memory: one Group per distinct BY combination (plus what each function keeps per group), not per event. */
export class GroupTable {
  readonly groups = new Map<string, Group>();

  constructor(private readonly aggregation: Aggregation) {}

  /** Add one event; `ordinal` is its position in the whole input. */
  add(ev: Event, ordinal: number): void {
    for (const { key, values } of this.aggregation.keysOf(ev)) {
      let group = this.groups.get(key);
      if (!group) {
        group = this.aggregation.newGroup(values);
        this.groups.set(key, group);
      }
      this.aggregation.addEvent(group, ev, ordinal);
    }
  }

  /** Fold another table (over other events of the same input) into this one. */
  merge(other: GroupTable): void {
    for (const [key, group] of other.groups) {
      const mine = this.groups.get(key);
      this.groups.set(key, mine ? this.aggregation.mergeGroups(mine, group) : group);
    }
  }

  /**
   * The result rows, sorted ascending by the BY values. Without BY fields there is always exactly one row,
   * even over no events (then `count` is 0 and most other functions have no value).
   */
  rows(): Event[] {
    const agg = this.aggregation;
    if (agg.byFields.length === 0 && this.groups.size === 0) this.groups.set('', agg.newGroup([]));
    const sorted = [...this.groups.values()]
      .map((group) => ({ group, keys: sortKeysOf(group.byValues) }))
      .sort((a, b) => compareSortKeys(a.keys, b.keys));
    return sorted.map(({ group }) => {
      const row = new Event();
      agg.writeRow(group, row);
      return row;
    });
  }
}
