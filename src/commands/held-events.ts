// The events a command holds in memory until its input ends (eventstats, appendpipe, transaction...), within the memory budget.
import type { Span } from '../ast.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import type { Event } from '../runtime/event.js';

/**
 * A list of held events whose estimated size counts against the run's memory budget (`--max-memory`); past it,
 * `push` throws `memory-limit` naming the command, at its span (docs/reliability.md).
 */
export class HeldEvents {
  readonly events: Event[] = [];
  /** The estimate the events count in; a command's other state (eventstats' groups) may count in it too. */
  readonly memory: MemoryTracker;

  constructor(command: string, span: Span, budgetMb: number) {
    this.memory = new MemoryTracker(command, span, budgetMb);
  }

  push(ev: Event): void {
    this.memory.addEvent(ev);
    this.events.push(ev);
  }

  /** The events were handed on. */
  clear(): void {
    this.events.length = 0;
    this.memory.reset();
  }
}
