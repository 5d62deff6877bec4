// The events a pack's shared scan holds for its map detections, within the memory budget; past it, none are held.
import { SplError } from '../errors.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import type { Event } from '../runtime/event.js';

/**
 * Pristine copies of every event read, for the members that replay their inputs from memory (map). Holding them
 * counts against the memory budget (`--max-memory`); the first event past it drops them all (`events` becomes
 * null, `overflowed` true), and those members then run on their own after the scan, re-reading the inputs as a
 * single run does: the pack never dies out of memory for them.
 */
export class HeldEvents {
  events: Event[] | null = [];
  overflowed = false;
  private readonly memory: MemoryTracker;

  constructor(budgetMb: number) {
    this.memory = new MemoryTracker('map', undefined, budgetMb, 'events held for map detections');
  }

  /** Hold a copy of `ev` (made here), unless the budget was passed. */
  push(ev: Event): void {
    if (this.events !== null) this.keep(ev.clone());
  }

  /** Hold `ev` itself (nothing else may change it), unless the budget was passed. */
  keep(ev: Event): void {
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
