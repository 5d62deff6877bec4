// `timechart [span=|bins=] [limit=] [useother=] [usenull=] [cont=] <fn>(x) [AS y]... [BY <field>]`: aggregates per time bin.
import type { GenericArg, GenericCommand, StatsCommand } from '../ast.js';
import { compileAggregation, type Aggregation, type Group } from '../aggregates/index.js';
import { compareSortKeys, sortKeysOf } from '../aggregates/group-order.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { parseQuery } from '../parse/parse.js';
import { printGenericArg } from '../parse/print.js';
import { Event, scalarToString, toNumber, valuesOf } from '../runtime/event.js';
import { autoTimeSpan } from './bin-auto.js';
import { compileBinner, parseBinSpan, type BinSpan } from './bin-span.js';
import { clauseArgs, readOptions } from './generic-args.js';
import { HeldEvents } from './held-events.js';
import { eventTime } from './transaction-merge.js';

const OPTIONS = ['span', 'bins', 'limit', 'useother', 'usenull', 'otherstr', 'nullstr', 'cont', 'partial', 'fixedrange', 'minspan', 'aligntime', 'sep', 'format', 'agg', 'dedup_splitvals'];

/** The functions and BY field, read as the equivalent `stats` (same functions, same naming). */
function statsNode(node: GenericCommand, head: GenericArg[], by: GenericArg[]): StatsCommand {
  const text = `| stats ${head.map(printGenericArg).join(' ')}${by.length ? ` by ${by.map(printGenericArg).join(' ')}` : ''}`;
  let parsed;
  try {
    parsed = parseQuery(text).commands[0];
  } catch (e) {
    if (e instanceof SplError) e.span = node.span;
    throw e;
  }
  if (parsed?.kind !== 'stats' || parsed.aggregates.length === 0) throw new SplError('bad-argument', 'timechart: expected a function such as count or avg(x)', node.span);
  if (parsed.by.length > 1) throw new SplError('bad-argument', 'timechart: BY takes one field', node.span);
  return parsed;
}

/** Bins of one series: bin start → group. */
type Series = Map<number, Group>;

export const timechartCommand: CommandDef<GenericCommand> = {
  names: ['timechart'],
  kind: 'transforming',
  notes: '`span=`/`bins=`, one BY field, `limit=`, `useother=`, `usenull=`, `cont=`',
  compile(node, ctx) {
    const clauses = clauseArgs(node, ['by']);
    const head = readOptions('timechart', clauses.get(null) ?? [], OPTIONS);
    const byPart = readOptions('timechart', clauses.get('by') ?? [], OPTIONS);
    const opt = (name: string) => byPart.options.get(name) ?? head.options.get(name);
    const options = byPart.options.get('limit') || byPart.options.get('useother') || byPart.options.get('usenull') ? byPart.options : head.options;
    const stats = statsNode(node, head.rest, byPart.rest);
    const byField = stats.by[0]?.name ?? null;
    const agg = compileAggregation({ ...stats, by: [] }, ctx, { dedupSplitValues: false });
    const spanOpt = opt('span');
    const fixedSpan: BinSpan | null = spanOpt ? parseBinSpan(spanOpt.text, spanOpt.valueSpan) : null;
    const bins = opt('bins') ? Number(opt('bins')!.text) : 100;
    const limit = options.int('limit', 10, 0);
    const useOther = options.bool('useother', true);
    const useNull = options.bool('usenull', true);
    const otherName = options.text('otherstr', 'OTHER');
    const nullName = options.text('nullstr', 'NULL');
    const cont = head.options.bool('cont', true);
    return {
      kind: 'transforming',
      reads: null,
      limitsFields: true,
      factory: (next) => {
        // Memory: every event until the end (the span may depend on the time range), then one state per bin and series.
        const held = new HeldEvents('timechart', node.span, ctx.run.maxMemoryMb);
        return {
          push: (ev) => held.push(ev),
          end: () => {
            const times = held.events.map(eventTime);
            const known = times.filter((t) => !Number.isNaN(t));
            if (known.length === 0) return next.end();
            const min = Math.min(...known);
            const max = Math.max(...known);
            const span = fixedSpan ?? autoTimeSpan({ min, max, bins, minSpan: 0 });
            const binOf = compileBinner(span, { zone: ctx.zone, alignTime: 0, timeField: true });
            const series = new Map<string, Series>();
            const binStarts = new Set<number>();
            held.events.forEach((ev, i) => {
              if (Number.isNaN(times[i]!)) return;
              const bin = toNumber(binOf(times[i]!) as number);
              binStarts.add(bin);
              const name = byField === null ? '' : seriesName(ev, byField, useNull ? nullName : null);
              if (name === null) return;
              let s = series.get(name);
              if (!s) series.set(name, (s = new Map()));
              let group = s.get(bin);
              if (!group) s.set(bin, (group = agg.newGroup([])));
              agg.addEvent(group, ev, i);
            });
            held.clear();
            const columns = chooseSeries(agg, series, byField === null ? 0 : limit, useOther, otherName, nullName);
            for (const bin of allBins([...binStarts], span, cont)) {
              const row = new Event();
              row.set('_time', bin);
              for (const [name, bySeries] of columns) writeBin(agg, row, bySeries, bin, byField === null ? null : name);
              next.push(row);
            }
            next.end();
          },
        };
      },
    };
  },
};

/** The event's series (first value of the BY field), or the null series name (null: the event is left out). */
function seriesName(ev: Event, field: string, nullName: string | null): string | null {
  const first = valuesOf(ev.get(field))[0];
  return first === undefined ? nullName : scalarToString(first);
}

/** Every bin from the first to the last (cont=true, fixed-second spans); otherwise the bins that have events. */
function allBins(starts: number[], span: BinSpan, cont: boolean): number[] {
  starts.sort((a, b) => a - b);
  if (!cont || span.kind !== 'seconds' || starts.length === 0) return starts;
  const out: number[] = [];
  for (let t = starts[0]!; t <= starts[starts.length - 1]!; t += span.seconds) out.push(t);
  return out;
}

/** The series shown: the `limit` largest by the sum of the first function's values (0: all), the rest merged as OTHER. */
function chooseSeries(agg: Aggregation, series: Map<string, Series>, limit: number, useOther: boolean, otherName: string, nullName: string): Array<[string, Series[]]> {
  const total = (s: Series): number => {
    let sum = 0;
    for (const group of s.values()) {
      const row = new Event();
      agg.writeRow(group, row);
      const v = valuesOf(row.get(agg.columns[0]!))[0];
      if (v !== undefined && typeof v !== 'boolean') sum += toNumber(v) || 0;
    }
    return sum;
  };
  const names = [...series.keys()];
  let kept = names;
  let rest: string[] = [];
  if (limit > 0 && names.length > limit) {
    const ranked = names.map((name) => ({ name, total: total(series.get(name)!) })).sort((a, b) => b.total - a.total);
    kept = ranked.slice(0, limit).map((r) => r.name);
    rest = ranked.slice(limit).map((r) => r.name);
  }
  const ordered = kept
    .map((name) => ({ name, keys: sortKeysOf([name]) }))
    .sort((a, b) => (a.name === nullName ? 1 : b.name === nullName ? -1 : compareSortKeys(a.keys, b.keys)))
    .map(({ name }): [string, Series[]] => [name, [series.get(name)!]]);
  if (useOther && rest.length) ordered.push([otherName, rest.map((name) => series.get(name)!)]);
  return ordered;
}

/** Write one bin of one column: the merged groups of its series (OTHER has several), empty bins as a fresh group. */
function writeBin(agg: Aggregation, row: Event, parts: Series[], bin: number, seriesLabel: string | null): void {
  const groups = parts.map((s) => s.get(bin)).filter((g): g is Group => g !== undefined);
  const merged = groups.length === 1 ? groups[0]! : groups.reduce((into, g) => agg.mergeGroups(into, g), agg.newGroup([]));
  const values = new Event();
  agg.writeRow(merged, values);
  for (const column of agg.columns) {
    const name = seriesLabel === null ? column : agg.columns.length === 1 ? seriesLabel : `${column}: ${seriesLabel}`;
    row.set(name, values.get(column));
  }
}
