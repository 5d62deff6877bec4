// Pack routing per CIM dataset: each dataset event is made once per line, then handed only to the readers its where index names and to those without a where condition (no loop over every tstats detection per line).
import type { Event } from '../runtime/event.js';
import type { DatasetView } from './pack-datasets.js';

/** The readers of one dataset routed here, by slot (null: a slot read by a detection routed otherwise). */
interface DatasetGroup<T> {
  view: DatasetView;
  bySlot: (T | null)[];
  /** Readers whose where clause gives no condition: they take every dataset event. */
  unconditioned: T[];
  /** Lines that reached the dataset (every line: its readers have no literal). */
  reached: number;
}

/** The datasets of a pack's tstats detections without literals, and their readers. */
export class DatasetRoutes<T> {
  private readonly groups: DatasetGroup<T>[] = [];
  private readonly byView = new Map<DatasetView, DatasetGroup<T>>();

  /** `reader` reads `view` in `slot`; `conditioned` when the view's where index can rule events out for it. */
  add(view: DatasetView, slot: number, conditioned: boolean, reader: T): void {
    let group = this.byView.get(view);
    if (!group) {
      group = { view, bySlot: [], unconditioned: [], reached: 0 };
      this.byView.set(view, group);
      this.groups.push(group);
    }
    if (conditioned) group.bySlot[slot] = reader;
    else group.unconditioned.push(reader);
  }

  get size(): number {
    return this.groups.length;
  }

  /** Hand the dataset events of `ev` (scan step `stamp`) to the readers that can use them. */
  route(ev: Event, stamp: number, take: (reader: T, row: Event) => void): void {
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g]!;
      group.reached++;
      const row = group.view.get(ev, stamp);
      if (row === null) continue;
      for (let k = 0; k < group.unconditioned.length; k++) take(group.unconditioned[k]!, row);
      const slots = group.view.metSlots(row, stamp);
      for (let k = 0; k < slots.length; k++) {
        const reader = group.bySlot[slots[k]!];
        if (reader) take(reader, row);
      }
    }
  }

  /** Lines that reached `view` so far (its readers' `reached` count). */
  reached(view: DatasetView): number {
    return this.byView.get(view)?.reached ?? 0;
  }

  /** Take `reader` out (it failed): it gets nothing more. */
  remove(reader: T): void {
    for (const group of this.groups) {
      const at = group.unconditioned.indexOf(reader);
      if (at >= 0) group.unconditioned.splice(at, 1);
      const slot = group.bySlot.indexOf(reader);
      if (slot >= 0) group.bySlot[slot] = null;
    }
  }
}
