// The events a pack's shared scan holds for its map detections (those they can use), within the memory budget; past it, none are held.
import { SplError } from '../errors.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import type { Event } from '../runtime/event.js';
import type { HeldFilter } from './pack-held-filter.js';

/**
 * Pristine copies of the events read that the filter wants, for the members that replay their inputs from memory
 * (map). Holding them
 * counts against the memory budget (`--max-memory`); the first event past it drops them all (`events` becomes
 * null, `overflowed` true), and those members then run on their own after the scan, re-reading the inputs as a
 * single run does: the pack never dies out of memory for them.
 */
export class HeldEvents {
  events: Event[] | null = [];
  overflowed = false;
  private readonly memory: MemoryTracker;

  /** `filter`: the events to hold (those the members' searches and replays can use, pack-held-filter.ts). */
  constructor(budgetMb: number, private readonly filter: HeldFilter) {
    this.memory = new MemoryTracker('map', undefined, budgetMb, 'events held for map detections');
  }

  /** Hold a copy of `ev` (made here) if the filter wants it, unless the budget was passed. */
  push(ev: Event): void {
    if (this.events !== null && this.filter.wants(ev)) this.hold(ev.clone());
  }

  /** Hold `ev` itself (nothing else may change it) if the filter wants it, unless the budget was passed. */
  keep(ev: Event): void {
    if (this.events !== null && this.filter.wants(ev)) this.hold(ev);
  }

  /** Count `ev` against the budget and hold it; past the budget, drop everything held. */
  private hold(ev: Event): void {
    if (this.events === null) return;
    try {
      this.memory.addEvent(ev);
    } catch (error) {
      if (!(error instanceof SplError) || error.code !== 'memory-limit') throw error;
      this.events = null;
      this.overflowed = true;
      this.memory.reset();
      return;
    }
    this.events.push(ev);
  }
}
