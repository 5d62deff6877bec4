// The bound on events a command holds in memory (eventstats, appendpipe, transaction), failing clearly past it.
import type { Span } from '../ast.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';

/**
 * At most this many events are held by one stage. Splunk bounds such commands by memory (eventstats:
 * max_mem_usage_mb=200 in limits.conf); a count is what splq can check per event without measuring objects.
 */
export const MAX_HELD_EVENTS = 2_000_000;

/** A list of held events that throws `limit-exceeded` (naming the command, at its span) when it would pass `limit`. */
export class HeldEvents {
  readonly events: Event[] = [];

  constructor(
    private readonly command: string,
    private readonly span: Span,
    private readonly limit = MAX_HELD_EVENTS,
  ) {}

  push(ev: Event): void {
    if (this.events.length >= this.limit) {
      throw new SplError('limit-exceeded', `${this.command}: more than ${this.limit} events to hold in memory`, this.span, [
        `${this.command} keeps every event until the end of its input; narrow the search before it`,
      ]);
    }
    this.events.push(ev);
  }
}
