// One transaction's output event: fields of its members merged into multivalues, _raw joined, duration and eventcount.
import { Event, scalarToString, valuesOf, type Scalar } from '../runtime/event.js';

export interface MergeOptions {
  /** Keep every value in event order (mvlist=true) instead of distinct values. */
  mvlist: boolean;
  /** Add closed_txn (keepevicted=true): 1 for closed transactions, 0 for evicted ones. */
  markClosed: boolean;
}

/** A member's time (NaN when it has no numeric `_time`). */
export function eventTime(ev: Event): number {
  const t = valuesOf(ev.get('_time'))[0];
  return typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' ? Number(t) : NaN;
}

/** Merge members (in time order) into one event. */
export function mergeTransaction(members: readonly Event[], closed: boolean, opts: MergeOptions): Event {
  const out = new Event();
  const values = new Map<string, Scalar[]>();
  const seen = new Map<string, Set<string>>();
  const raws: string[] = [];
  for (const ev of members) {
    for (const name of ev.names()) {
      if (name === '_time' || name === '_raw') continue;
      let list = values.get(name);
      if (!list) {
        values.set(name, (list = []));
        seen.set(name, new Set());
      }
      const texts = seen.get(name)!;
      for (const v of valuesOf(ev.get(name))) {
        const text = scalarToString(v);
        if (!opts.mvlist && texts.has(text)) continue;
        texts.add(text);
        list.push(v);
      }
    }
    const raw = ev.get('_raw');
    if (raw !== undefined) raws.push(valuesOf(raw).map(scalarToString).join('\n'));
  }
  const times = members.map(eventTime).filter((t) => !Number.isNaN(t));
  if (times.length) out.set('_time', Math.min(...times));
  for (const [name, list] of values) out.set(name, list.length === 1 ? list[0]! : list);
  if (raws.length) out.set('_raw', raws.join('\n'));
  out.set('duration', times.length ? Math.max(...times) - Math.min(...times) : 0);
  out.set('eventcount', members.length);
  if (opts.markClosed) out.set('closed_txn', closed ? 1 : 0);
  return out;
}
