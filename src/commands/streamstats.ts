// `streamstats [current=] [window=] [global=] [reset_on_change=] <fn>(x) [AS y]... [BY a, b]`: running aggregates per event.
import type { StatsCommand } from '../ast.js';
import { compileAggregation, GroupTable, type Aggregation, type Group } from '../aggregates/index.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { applyResults, groupResults } from './group-results.js';
import { StatsOptions } from './stats-options.js';

const OPTIONS = ['current', 'window', 'global', 'reset_on_change', 'reset_before', 'reset_after', 'time_window', 'allnum', 'dedup_splitvals'];

interface StreamPlan {
  /** Whether the current event counts in its own results. */
  current: boolean;
  /** Events in the window (0: all events since the start or the last reset). */
  window: number;
  /** With a window: one window over all events (true) or one per group (false). */
  global: boolean;
  resetOnChange: boolean;
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

/** Without a window: running states per group, read after (current=true) or before (false) the event is added. */
function runningStage(agg: Aggregation, plan: StreamPlan, next: Stage): Stage {
  let table = new GroupTable(agg);
  let previous: string | null | undefined;
  let ordinal = 0;
  return {
    push: (ev) => {
      if (plan.resetOnChange) {
        const key = byText(ev, agg.byFields);
        if (previous !== undefined && key !== previous) table = new GroupTable(agg);
        previous = key;
      }
      if (plan.current) table.add(ev, ordinal++);
      const group = table.groupsOf(ev)[0] ?? (byText(ev, agg.byFields) === null ? undefined : agg.newGroup([]));
      if (group) applyResults(ev, groupResults(agg, group));
      if (!plan.current) table.add(ev, ordinal++);
      next.push(ev);
    },
    end: () => next.end(),
  };
}

/** With a window: the last `window` events (all, or of the event's group), aggregated afresh for each event. */
function windowStage(agg: Aggregation, plan: StreamPlan, next: Stage): Stage {
  const windows = new Map<string, Array<{ ev: Event; ordinal: number }>>();
  let ordinal = 0;
  let previous: string | null | undefined;
  return {
    push: (ev) => {
      const key = byText(ev, agg.byFields);
      if (plan.resetOnChange && previous !== undefined && key !== previous) windows.clear();
      previous = key;
      const windowKey = plan.global ? '' : (key ?? '');
      let window = windows.get(windowKey);
      if (!window) windows.set(windowKey, (window = []));
      const snapshot = { ev: ev.clone(), ordinal: ordinal++ };
      if (plan.current) window.push(snapshot);
      if (window.length > plan.window) window.shift();
      if (key !== null) {
        const table = new GroupTable(agg);
        for (const item of window) table.add(item.ev, item.ordinal);
        const group: Group = table.groupsOf(ev)[0] ?? agg.newGroup([]);
        applyResults(ev, groupResults(agg, group));
      }
      if (!plan.current) {
        window.push(snapshot);
        if (window.length > plan.window) window.shift();
      }
      next.push(ev);
    },
    end: () => next.end(),
  };
}

export const streamstatsCommand: CommandDef<StatsCommand> = {
  names: ['streamstats'],
  kind: 'dataset',
  notes: '`current=`, `window=`, `global=`, `reset_on_change=`; `time_window=`/`reset_before=`/`reset_after=` not yet',
  compile(node, ctx) {
    const options = new StatsOptions(node, OPTIONS);
    options.onlyDefault('allnum', (opt) => !options.bool(opt.name.toLowerCase(), false));
    for (const name of ['reset_before', 'reset_after', 'time_window']) options.onlyDefault(name, () => false);
    const plan: StreamPlan = {
      current: options.bool('current', true),
      window: options.int('window', 0),
      global: options.bool('global', true),
      resetOnChange: options.bool('reset_on_change', false),
    };
    const aggregation = compileAggregation(node, ctx, { dedupSplitValues: options.bool('dedup_splitvals', false) });
    return {
      kind: 'dataset',
      reads: null,
      // Memory: one state per group without a window; with one, at most `window` event copies per window.
      factory: (next) => (plan.window > 0 ? windowStage(aggregation, plan, next) : runningStage(aggregation, plan, next)),
    };
  },
};
