// `mstats [prestats=] <fn>(<metric>) [AS <name>]... [WHERE <search>] [BY <dims>] [span=<time>]`: statistics over metric events.
import type { Aggregate, GenericArg, GenericCommand, Span } from '../ast.js';
import { compareSortKeys, sortKeysOf } from '../aggregates/group-order.js';
import { resolveAggregate } from '../aggregates/resolve.js';
import type { AggregateFunction, Position } from '../aggregates/types.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { printGenericArg } from '../parse/print.js';
import { Event, scalarToString, valuesOf, type FieldValue, type Scalar } from '../runtime/event.js';
import { parseBinSpan } from './bin-span.js';
import { clauseArgs, fieldList, readOptions, unexpectedArg } from './generic-args.js';
import { measurementsOf } from './mstats-input.js';
import { compileNamePattern, fillPattern, type NamePattern } from './wildcard-names.js';
import { eventTime } from './transaction-merge.js';

/** Functions the corpus and Splunk's metric docs use; each maps onto the stats function of the same name. */
const FUNCTIONS = new Set(['avg', 'mean', 'sum', 'count', 'max', 'min', 'latest', 'earliest', 'rate', 'stdev', 'stdevp', 'var', 'varp', 'median', 'range', 'dc']);

interface MetricAggregate {
  fn: AggregateFunction;
  /** The metric name pattern (`cpu.*`); `_value` matches every measurement that passes WHERE. */
  metric: NamePattern;
  /** The output name pattern: the AS name, else `fn(metric)`. */
  as: string;
}

function readAggregates(args: GenericArg[]): { aggregates: MetricAggregate[]; rest: GenericArg[] } {
  const aggregates: MetricAggregate[] = [];
  const rest: GenericArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.kind !== 'call') {
      rest.push(arg);
      continue;
    }
    const fnName = arg.name.toLowerCase();
    if (!FUNCTIONS.has(fnName) && !/^p(erc)?\d+$/.test(fnName)) {
      throw new SplError('unknown-function', `mstats: unknown function \`${arg.name}\``, arg.span, [`functions: ${[...FUNCTIONS].join(', ')}, perc<N>`]);
    }
    const metricArg = arg.args.length === 1 && arg.args[0]!.length === 1 ? arg.args[0]![0]! : undefined;
    if (metricArg?.kind !== 'word') throw new SplError('bad-argument', `mstats: ${arg.name}() takes one metric name`, arg.span);
    let as = `${arg.name}(${metricArg.text})`;
    const next = args[i + 1];
    if (next?.kind === 'word' && !next.quoted && next.text.toLowerCase() === 'as') {
      const name = args[i + 2];
      if (name?.kind !== 'word') throw new SplError('bad-argument', 'mstats: expected a name after AS', next.span);
      as = name.text;
      i += 2;
    }
    const fake: Aggregate = { fn: fnName, arg: { kind: 'field', name: '_value', quoted: false, span: arg.span }, params: [], as: null, span: arg.span };
    aggregates.push({ fn: resolveAggregate(fake).fn, metric: compileNamePattern(metricArg.text), as });
  }
  return { aggregates, rest };
}

/** One row being built: its time bucket, BY values, and a state per output column. */
interface Row {
  time: number | undefined;
  by: Scalar[];
  states: Map<string, { fn: AggregateFunction; state: unknown; index: number }>;
}

function spanSeconds(text: string, span: Span): number {
  const parsed = parseBinSpan(text, span);
  if (parsed.kind === 'seconds') return parsed.seconds;
  if (parsed.kind === 'days') return parsed.days * 86400;
  throw new SplError('bad-argument', 'mstats: span must be a time span such as 10s, 5m or 1h', span);
}

/** What the prestats form needs of the compiled command. */
interface PrestatsPlan {
  aggregates: MetricAggregate[];
  byFields: string[];
  span: number;
  where: (ev: Event) => boolean;
  perMeasurement: boolean;
}

/**
 * prestats=true: one row per measurement that passes WHERE and that some function reads, for the stats, chart or
 * timechart after it to aggregate (Search Reference "mstats": "AS instructions are not relevant. The field names for
 * the aggregates are determined by the command that consumes the prestats format"). Splunk's prestats format is
 * internal; splq hands on the measurements themselves, which any consumer aggregates to the same result: the value
 * under the name the consumer's function reads (`_value`, or the metric's own name for `avg(cpu.idle)` or
 * `avg(cpu.*)`), `metric_name`, the BY dimensions, and `_time` (its span's start with `span=`). Memory: none.
 */
function prestatsStage(next: Stage, plan: PrestatsPlan): Stage {
  const readsValue = plan.aggregates.some((a) => a.metric.text === '_value');
  const named = plan.aggregates.filter((a) => a.metric.text !== '_value');
  return {
    push: (ev) => {
      if (!plan.perMeasurement && !plan.where(ev)) return;
      const t = eventTime(ev);
      if (plan.span > 0 && Number.isNaN(t)) return;
      const by: Array<[string, FieldValue]> = [];
      for (const f of plan.byFields) {
        const v = valuesOf(ev.get(f))[0];
        if (v === undefined) return;
        by.push([f, v]);
      }
      for (const m of measurementsOf(ev)) {
        if (plan.perMeasurement) {
          const probe = ev.clone();
          probe.set('metric_name', m.name);
          if (!plan.where(probe)) continue;
        }
        const byName = named.some((a) => a.metric.match(m.name) !== null);
        if (!readsValue && !byName) continue;
        const row = new Event();
        if (!Number.isNaN(t)) row.set('_time', plan.span > 0 ? Math.floor(t / plan.span) * plan.span : t);
        for (const [f, v] of by) row.set(f, v);
        row.set('metric_name', m.name);
        if (readsValue) row.set('_value', m.value);
        if (byName) row.set(m.name, m.value);
        next.push(row);
      }
    },
    end: () => next.end(),
  };
}

export const mstatsCommand: CommandDef<GenericCommand> = {
  names: ['mstats'],
  kind: 'generating',
  notes: 'metric events in JSON (`metric_name`+`_value`, or `metric_name:<name>` fields); WHERE, BY, `span=`, `prestats=true` (measurement rows for stats/chart/timechart)',
  compile(node, ctx) {
    const clauses = clauseArgs(node, ['where', 'by']);
    const head = readOptions('mstats', clauses.get(null) ?? [], ['span', 'prestats', 'append', 'backfill', 'update_period', 'chart', 'fillnull_value']);
    const { aggregates, rest } = readAggregates(head.rest);
    if (rest[0]) throw unexpectedArg('mstats', rest[0]);
    if (aggregates.length === 0) throw new SplError('bad-argument', 'mstats: expected a function such as avg(cpu.idle)', node.span);
    const prestats = head.options.bool('prestats', false);
    const by = readOptions('mstats', clauses.get('by') ?? [], ['span']);
    const byFields = fieldList('mstats', by.rest).map((f) => f.name);
    // span= may also end the WHERE clause when there is no BY.
    const isSpan = (a: GenericArg) => a.kind === 'assign' && a.name.toLowerCase() === 'span';
    const whereAll = clauses.get('where') ?? [];
    const whereSpan = readOptions('mstats', whereAll.filter(isSpan), ['span']).options.get('span');
    const spanOpt = by.options.get('span') ?? whereSpan ?? head.options.get('span');
    const span = spanOpt ? spanSeconds(spanOpt.text, spanOpt.valueSpan) : 0;
    const whereArgs = whereAll.filter((a) => !isSpan(a));
    const whereText = whereArgs.map(printGenericArg).join(' ');
    const where = whereArgs.length ? ctx.compileSearchText(whereText, { start: whereArgs[0]!.span.start, end: whereArgs[whereArgs.length - 1]!.span.end }) : () => true;
    // A WHERE on metric_name is checked per measurement (a multiple-measurement event has no metric_name field).
    const perMeasurement = /\bmetric_name\b/i.test(whereText);
    if (prestats) {
      return { kind: 'generating', readsInputs: true, reads: null, factory: (next) => prestatsStage(next, { aggregates, byFields, span, where, perMeasurement }) };
    }
    return {
      kind: 'generating',
      readsInputs: true,
      reads: null,
      factory: (next) => {
        // Memory: one row per (time bucket, BY values) with one state per output column.
        const rows = new Map<string, Row>();
        const at: Position = { ordinal: 0, sub: 0, time: NaN };
        const rowOf = (ev: Event): Row | undefined => {
          const byValues: Scalar[] = [];
          for (const f of byFields) {
            const v = valuesOf(ev.get(f))[0];
            if (v === undefined) return undefined;
            byValues.push(v);
          }
          const t = eventTime(ev);
          const bucket = span > 0 ? (Number.isNaN(t) ? undefined : Math.floor(t / span) * span) : undefined;
          if (span > 0 && bucket === undefined) return undefined;
          const key = JSON.stringify([bucket ?? null, byValues.map(scalarToString)]);
          let row = rows.get(key);
          if (!row) rows.set(key, (row = { time: bucket, by: byValues, states: new Map() }));
          return row;
        };
        return {
          push: (ev) => {
            if (!perMeasurement && !where(ev)) return;
            const measurements = measurementsOf(ev);
            if (measurements.length === 0) return;
            // The row is made only when some function reads a measurement: a group with none of the metrics has no row.
            let row: Row | undefined | null = null;
            at.time = eventTime(ev);
            at.ordinal++;
            for (const m of measurements) {
              if (perMeasurement) {
                const probe = ev.clone();
                probe.set('metric_name', m.name);
                if (!where(probe)) continue;
              }
              for (let index = 0; index < aggregates.length; index++) {
                const agg = aggregates[index]!;
                const captures = agg.metric.text === '_value' ? [] : agg.metric.match(m.name);
                if (captures === null) continue;
                if (row === null) row = rowOf(ev);
                if (row === undefined) return;
                const name = fillPattern(agg.as, captures);
                let slot = row.states.get(name);
                if (!slot) row.states.set(name, (slot = { fn: agg.fn, state: agg.fn.accumulator.init(), index }));
                slot.fn.accumulator.add(slot.state, m.value, m.value, at);
              }
            }
          },
          end: () => {
            const ordered = [...rows.values()].map((row) => ({ row, keys: sortKeysOf([row.time ?? 0, ...row.by]) }));
            ordered.sort((a, b) => compareSortKeys(a.keys, b.keys));
            for (const { row } of ordered) {
              const out = new Event();
              if (row.time !== undefined) out.set('_time', row.time);
              byFields.forEach((f, i) => out.set(f, row.by[i]));
              // Columns in the written order of the functions; a wildcard's metrics by name.
              const columns = [...row.states].sort((a, b) => a[1].index - b[1].index || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
              for (const [name, { fn, state }] of columns) out.set(name, fn.result(state));
              next.push(out);
            }
            next.end();
          },
        };
      },
    };
  },
};
