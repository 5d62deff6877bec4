// Pack mode's shared CIM datasets: each event is mapped once per mapping set and selected once per dataset, for all the tstats detections that read it.
import type { DatasetInput } from '../engine/types.js';
import type { Event } from '../runtime/event.js';
import { ConditionIndex, necessaryCondition, type Condition } from './pack-conditions.js';

/** One mapping set: the current event's mapped copy, made on first request. */
class MappedEvents {
  private stamp = -1;
  private ev: Event | null = null;
  constructor(private readonly map: (ev: Event) => void) {}

  /** The mapped copy of `raw` (the event of scan step `stamp`); `raw` itself is left as it is. */
  get(raw: Event, stamp: number): Event {
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.ev = raw.clone();
      this.map(this.ev);
    }
    return this.ev!;
  }
}

/** One dataset: whether the current event belongs to it, and its dataset event (calculated), made on first request. */
export class DatasetView {
  private stamp = -1;
  private ev: Event | null = null;
  /** Events selected into the dataset (for the summary). */
  selected = 0;
  /** The where clauses' necessary conditions of the detections reading it, by slot, and their index. */
  private readonly conditions: Condition[] = [];
  private index: ConditionIndex | null = null;
  private indexStamp = -1;
  private readonly hits: number[] = [];
  constructor(private readonly mapped: MappedEvents, private readonly selection: ReturnType<DatasetInput['compileSelection']>) {}

  /** A detection reading this dataset: its slot, and whether its where clause gives a condition (else it takes every dataset event). */
  addReader(input: DatasetInput): { slot: number; conditioned: boolean } {
    const condition = necessaryCondition(input.where);
    this.conditions.push(condition);
    this.index = null;
    this.indexStamp = -1;
    return { slot: this.conditions.length - 1, conditioned: condition !== null };
  }

  /** Whether the dataset event `row` (of scan step `stamp`) meets the where condition of the reader in `slot`. */
  meets(row: Event, stamp: number, slot: number): boolean {
    this.metSlots(row, stamp);
    return this.index!.met[slot] === stamp;
  }

  /** The slots of the readers whose where condition the dataset event `row` (of scan step `stamp`) meets, each once. */
  metSlots(row: Event, stamp: number): readonly number[] {
    this.index ??= new ConditionIndex(this.conditions);
    if (this.indexStamp !== stamp) {
      this.indexStamp = stamp;
      this.hits.length = 0;
      this.index.match(row, stamp, this.hits);
    }
    return this.hits;
  }

  /** The dataset event of `raw` (scan step `stamp`), or null when the event is not in the dataset. Read-only: shared. */
  get(raw: Event, stamp: number): Event | null {
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      const mapped = this.mapped.get(raw, stamp);
      if (this.selection.matches(mapped)) {
        // Each dataset calculates on its own copy: two datasets may write the same field differently.
        this.ev = mapped.clone();
        this.selection.calculate(this.ev);
        this.selected++;
      } else {
        this.ev = null;
      }
    }
    return this.ev;
  }
}

/** The datasets of a pack, one view per distinct dataset key, one mapping per distinct mapping key. */
export class SharedDatasets {
  private readonly mappers = new Map<string, MappedEvents>();
  private readonly views = new Map<string, DatasetView>();

  view(input: DatasetInput): DatasetView {
    let view = this.views.get(input.key);
    if (!view) {
      let mapped = this.mappers.get(input.mapperKey);
      if (!mapped) this.mappers.set(input.mapperKey, (mapped = new MappedEvents(input.compileMapper())));
      view = new DatasetView(mapped, input.compileSelection());
      this.views.set(input.key, view);
    }
    return view;
  }

  get size(): number {
    return this.views.size;
  }
}
