// streamstats' two stages: running states (no window) and windows of event copies (window=N and/or time_window=span).
import { GroupTable, type Aggregation, type Group } from '../aggregates/index.js';
import type { Span } from '../ast.js';
import type { Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { applyResults, groupResults } from './group-results.js';
import { eventTime } from './transaction-merge.js';

/**
 * Splunk's `max_stream_window` (limits.conf, default 10,000): the most events a streamstats window holds, also the
 * bound of a `time_window=` without `window=` (Search Reference, "streamstats").
 */
export const MAX_STREAM_WINDOW = 10_000;

export interface StreamPlan {
  /** Whether the current event counts in its own results. */
  current: boolean;
  /** Events in the window (0: no count window). */
  window: number;
  /** Seconds in the time window (0: none). */
  timeWindow: number;
  /** With a window: one window over all events (true) or one per group (false). */
  global: boolean;
  resetOnChange: boolean;
  /** Reset everything before the event is counted when this holds for it. */
  resetBefore: ((ev: Event) => boolean) | null;
  /** Reset everything after the event got its results when this holds for it (it may read those results). */
  resetAfter: ((ev: Event) => boolean) | null;
  span: Span;
}

/** The event's BY values as one text (null when a BY field is missing), to notice a change between events. */
function byText(ev: Event, fields: readonly string[]): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = ev.get(f);
    if (v === undefined) return null;
    parts.push(valuesOf(v).map(scalarToString).join('\n'));
  }
  return JSON.stringify(parts);
}

/**
 * reset_on_change: only an event with every BY field can trigger a reset (Search Reference, "streamstats"); events
 * missing one neither reset nor become the value compared against.
 */
function changeWatcher(fields: readonly string[]): (ev: Event) => boolean {
  let previous: string | undefined;
  return (ev) => {
    const key = byText(ev, fields);
    if (key === null) return false;
    const changed = previous !== undefined && key !== previous;
    previous = key;
    return changed;
  };
}

/** Without a window: running states per group, read after (current=true) or before (false) the event is added. */
export function runningStage(agg: Aggregation, plan: StreamPlan, next: Stage): Stage {
  let table = new GroupTable(agg);
  const changed = plan.resetOnChange ? changeWatcher(agg.byFields) : null;
  let ordinal = 0;
  return {
    push: (ev) => {
      if (changed?.(ev) || plan.resetBefore?.(ev)) table = new GroupTable(agg);
      if (plan.current) table.add(ev, ordinal++);
      const group = table.groupsOf(ev)[0] ?? (byText(ev, agg.byFields) === null ? undefined : agg.newGroup([]));
      if (group) applyResults(ev, groupResults(agg, group));
      if (!plan.current) table.add(ev, ordinal++);
      if (plan.resetAfter?.(ev)) table = new GroupTable(agg);
      next.push(ev);
    },
    end: () => next.end(),
  };
}

interface WindowItem {
  ev: Event;
  ordinal: number;
  time: number;
}

/**
 * time_window needs events in time order, ascending or descending (Search Reference, "streamstats"); the first two
 * different times set the direction, an event against it (or without a time) is an error.
 */
function timeOrderCheck(span: Span): (time: number) => void {
  let last = NaN;
  let direction = 0;
  return (time) => {
    if (Number.isNaN(time)) throw new SplError('bad-argument', 'streamstats: time_window needs every event to have a _time', span);
    if (!Number.isNaN(last) && time !== last) {
      const step = Math.sign(time - last);
      if (direction === 0) direction = step;
      else if (step !== direction) {
        throw new SplError('bad-argument', 'streamstats: time_window needs the events in time order (ascending or descending)', span, [
          'put `| sort 0 _time` or `| sort 0 -_time` before streamstats',
        ]);
      }
    }
    last = time;
  };
}

/**
 * With a window: the last `window` events and/or the events less than `timeWindow` seconds from the current one (all
 * events, or the event's group's), aggregated afresh for each event: O(window) per event, at most MAX_STREAM_WINDOW
 * event copies per window.
 */
export function windowStage(agg: Aggregation, plan: StreamPlan, next: Stage): Stage {
  const windows = new Map<string, WindowItem[]>();
  const changed = plan.resetOnChange ? changeWatcher(agg.byFields) : null;
  const checkOrder = plan.timeWindow > 0 ? timeOrderCheck(plan.span) : null;
  const maxEvents = plan.window > 0 ? plan.window : MAX_STREAM_WINDOW;
  let ordinal = 0;
  const trim = (window: WindowItem[], now: number) => {
    if (window.length > maxEvents) window.splice(0, window.length - maxEvents);
    if (plan.timeWindow > 0) {
      let drop = 0;
      while (drop < window.length && Math.abs(now - window[drop]!.time) >= plan.timeWindow) drop++;
      if (drop > 0) window.splice(0, drop);
    }
  };
  return {
    push: (ev) => {
      const time = eventTime(ev);
      checkOrder?.(time);
      if (changed?.(ev) || plan.resetBefore?.(ev)) windows.clear();
      const key = byText(ev, agg.byFields);
      const windowKey = plan.global ? '' : (key ?? '');
      let window = windows.get(windowKey);
      if (!window) windows.set(windowKey, (window = []));
      const item: WindowItem = { ev: ev.clone(), ordinal: ordinal++, time };
      if (plan.current) window.push(item);
      trim(window, time);
      if (key !== null) {
        const table = new GroupTable(agg);
        for (const member of window) table.add(member.ev, member.ordinal);
        const group: Group = table.groupsOf(ev)[0] ?? agg.newGroup([]);
        applyResults(ev, groupResults(agg, group));
      }
      if (!plan.current) {
        window.push(item);
        if (window.length > maxEvents) window.shift();
      }
      if (plan.resetAfter?.(ev)) windows.clear();
      next.push(ev);
    },
    end: () => next.end(),
  };
}
