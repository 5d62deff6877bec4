// Grouping time-ordered events into transactions: field values, maxspan/maxpause/maxevents, startswith/endswith, memory bounds.
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { eventTime } from './transaction-merge.js';

export interface GroupingRules {
  fields: string[];
  /** Seconds; Infinity for no limit (-1 in SPL). */
  maxSpan: number;
  maxPause: number;
  maxEvents: number;
  startsWith: ((ev: Event) => boolean) | null;
  endsWith: ((ev: Event) => boolean) | null;
  maxOpenTxn: number;
  maxOpenEvents: number;
}

/** An open transaction: its members and the first value seen of each grouping field. */
interface Open {
  members: Event[];
  values: Map<string, string>;
  start: number;
  last: number;
}

/**
 * How a transaction ended (Search Reference "transaction", keepevicted): `closed` when one of its conditions ended it
 * (maxevents, maxpause, maxspan, startswith; endswith here too), `flushed` when the input ended with none of them met
 * (returned, but `closed_txn=0`), `evicted` when it never saw its endswith event or was pushed out of memory
 * (returned only with keepevicted=true).
 */
export type Ending = 'closed' | 'flushed' | 'evicted';

/** What the grouper hands out: a finished transaction, how it ended, and whether memory bounds evicted it. */
export type Emit = (members: Event[], ending: Ending, byMemory: boolean) => void;

/** The event's grouping values that it has (first value of each; a multivalue field groups by its first value). */
function valuesFor(ev: Event, fields: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields) {
    const first = valuesOf(ev.get(f))[0];
    if (first !== undefined) out.set(f, scalarToString(first));
  }
  return out;
}

/** The event agrees with the transaction on every field both have, and shares at least one. */
function fits(open: Open, values: Map<string, string>): boolean {
  let shared = 0;
  for (const [f, v] of values) {
    const mine = open.values.get(f);
    if (mine === undefined) continue;
    if (mine !== v) return false;
    shared++;
  }
  return shared > 0 || values.size === 0;
}

/**
 * Feeds events in ascending time order. Memory: the open transactions, at most maxOpenTxn of them holding at most
 * maxOpenEvents events; past either, the transaction updated longest ago is evicted.
 */
export class TransactionGrouper {
  private readonly open: Open[] = [];
  private openEvents = 0;
  /** Events that belong to no transaction (no grouping field, or before any start event), for keeporphans=true. */
  readonly orphans: Event[] = [];

  constructor(
    private readonly rules: GroupingRules,
    private readonly emit: Emit,
  ) {}

  add(ev: Event): void {
    const { rules } = this;
    const values = valuesFor(ev, rules.fields);
    if (rules.fields.length > 0 && values.size === 0) {
      this.orphans.push(ev);
      return;
    }
    const time = eventTime(ev);
    let txn = this.find(values);
    if (txn && this.outgrown(txn, time, ev)) {
      this.close(txn, this.endedByCondition(), false);
      txn = undefined;
    }
    if (!txn) {
      if (rules.startsWith && !rules.startsWith(ev)) {
        this.orphans.push(ev);
        return;
      }
      txn = { members: [], values: new Map(), start: time, last: time };
      this.open.push(txn);
    }
    txn.members.push(ev);
    this.openEvents++;
    for (const [f, v] of values) if (!txn.values.has(f)) txn.values.set(f, v);
    if (!Number.isNaN(time)) txn.last = time;
    // Most recently updated last, so eviction takes the front.
    this.open.splice(this.open.indexOf(txn), 1);
    this.open.push(txn);
    if (rules.endsWith?.(ev)) this.close(txn, 'closed', false);
    else if (txn.members.length >= rules.maxEvents) this.close(txn, this.endedByCondition(), false);
    while (this.open.length > rules.maxOpenTxn || this.openEvents > rules.maxOpenEvents) this.close(this.open[0]!, 'evicted', true);
  }

  /**
   * End of input: a transaction waiting for its endswith event is evicted; one that began at a startswith event is
   * closed (Splunk, reading newest first, closes it at that event); any other is flushed.
   */
  finish(): void {
    const ending: Ending = this.rules.endsWith !== null ? 'evicted' : this.rules.startsWith !== null ? 'closed' : 'flushed';
    while (this.open.length) this.close(this.open[0]!, ending, false);
  }

  /** A span, pause, event count or new start ended a transaction: closed, unless it still waited for its end event. */
  private endedByCondition(): Ending {
    return this.rules.endsWith === null ? 'closed' : 'evicted';
  }

  private find(values: Map<string, string>): Open | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) if (fits(this.open[i]!, values)) return this.open[i];
    return undefined;
  }

  /** The event cannot join: span, pause, or a new start event. */
  private outgrown(txn: Open, time: number, ev: Event): boolean {
    if (this.rules.startsWith?.(ev)) return true;
    if (Number.isNaN(time)) return false;
    return time - txn.start > this.rules.maxSpan || time - txn.last > this.rules.maxPause;
  }

  private close(txn: Open, ending: Ending, byMemory: boolean): void {
    this.open.splice(this.open.indexOf(txn), 1);
    this.openEvents -= txn.members.length;
    this.emit(txn.members, ending, byMemory);
  }
}
