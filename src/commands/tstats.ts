// `| tstats <fn>... FROM datamodel=<Model>[.<Dataset>] [WHERE ...] [BY ... [span=]]`: stats over a CIM dataset built from the input events.
import type { Aggregate, GenericCommand, Span, StatsCommand } from '../ast.js';
import { getDataModel, resolveDataset, rootDatasets } from '../datamodels/catalog.js';
import { compileDataset, datasetFieldResolver, renameSearchFields, UNDEFINED_FIELD_PREFIX } from '../datamodels/dataset.js';
import { builtinMappings, compileDatasetMapper, compileEventMapper, MAPPED_OUT, MAPPED_SELECTED } from '../datamodels/source-mapping.js';
import { compileSearchExpr, searchReads } from '../engine/search-predicate.js';
import { planDataset, whereLiterals } from '../datamodels/plan.js';
import { datasetInputKey, mapperKey } from '../datamodels/dataset-input-key.js';
import type { CommandDef, CompileContext, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { Event, type FieldValue } from '../runtime/event.js';
import { compileBinner, isTimeSpan, parseBinSpan } from './bin-span.js';
import { autoTimeSpan } from './bin-auto.js';
import { statsCommand } from './stats.js';
import { readTstatsArgs, type TstatsArgs } from './tstats-args.js';
import { expandWhereSubsearches } from './tstats-subsearch.js';

/** Which dataset `from datamodel=` (and `nodename`) names, resolved. */
function selectDataset(args: TstatsArgs, commandSpan: Span) {
  if (!args.datamodel) throw new SplError('unsupported-command', 'tstats without FROM datamodel=... (indexed fields) is not supported: splq has no index', commandSpan);
  const [modelName, ...datasetParts] = args.datamodel.text.split('.');
  const modelSpan = { start: args.datamodel.span.start, end: args.datamodel.span.start + modelName!.length };
  const model = getDataModel(modelName!, modelSpan);
  let datasetName = datasetParts.length ? datasetParts[datasetParts.length - 1]! : rootDatasets(model)[0]!.name;
  const rootName = datasetParts.length ? datasetParts[0]! : datasetName;
  const resolveSpan = datasetParts.length ? args.datamodel.span : modelSpan;
  resolveDataset(model, rootName, resolveSpan);
  if (args.nodename) {
    // nodename=Root.Child.Target names a dataset below the one in FROM; fields keep the FROM dataset's prefix.
    const parts = args.nodename.text.split('.');
    datasetName = parts[parts.length - 1]!;
    return { model, dataset: resolveDataset(model, datasetName, args.nodename.span) };
  }
  return { model, dataset: resolveDataset(model, datasetName, resolveSpan) };
}

/** The output field names the stats step reads: by-fields, aggregate arguments, and `_time`. */
function neededNames(args: TstatsArgs): string[] {
  const names = new Set<string>(['_time']);
  for (const f of args.by) names.add(f.name);
  for (const a of args.aggregates) {
    if (a.arg?.kind !== 'field') continue;
    if (a.arg.name.includes('*')) throw new SplError('unsupported-command', 'tstats: wildcard field names in functions are not supported yet', a.arg.span);
    names.add(a.arg.name);
  }
  return [...names];
}

function statsNode(node: GenericCommand, args: TstatsArgs): StatsCommand {
  const aggregates: Aggregate[] = args.aggregates.map((a) => (a.fn.toLowerCase() === 'distinct_count' ? { ...a, fn: 'dc' } : a));
  if (aggregates.length === 0) throw new SplError('bad-argument', 'tstats: expected at least one function such as count', node.span);
  return { kind: 'stats', command: 'stats', options: [], aggregates, by: args.by, trailingOptions: [], span: node.span };
}

/** `_time` bucketing for `by _time [span=...]`; without span, the span is chosen from the data at the end (as bin does). */
function timeBucketing(args: TstatsArgs, ctx: CompileContext): { fixed: ((t: number) => FieldValue | undefined) | null; auto: boolean } {
  const byTime = args.by.some((f) => f.name === '_time');
  if (!byTime) return { fixed: null, auto: false };
  if (!args.span) return { fixed: null, auto: true };
  const span = parseBinSpan(args.span.text, args.span.span);
  if (!isTimeSpan(span) && span.kind !== 'number') throw new SplError('bad-argument', `tstats: span=${args.span.text} is not a time span`, args.span.span);
  const binner = compileBinner(span, { zone: ctx.zone, alignTime: 0, timeField: true });
  return { fixed: (t) => binner(t), auto: false };
}

export const tstatsCommand: CommandDef<GenericCommand> = {
  names: ['tstats'],
  kind: 'generating',
  threads: 'partial-aggregate',
  notes: 'datasets built from the input events (docs/datamodels.md); summariesonly ignored; no prestats',
  compile(node, ctx) {
    const args = readTstatsArgs(node, ctx.queryText);
    const { model, dataset } = selectDataset(args, node.span);
    for (const name of ['prestats', 'append']) {
      const opt = args.options.get(name);
      if (opt && !['false', 'f', '0', 'no'].includes(opt.text.toLowerCase())) throw new SplError('unsupported-command', `tstats: ${name}=${opt.text} is not supported yet`, opt.span);
    }
    const fillnull = args.options.get('fillnull_value')?.text;
    const resolveModelField = datasetFieldResolver(model, dataset);
    // Splunk matches nothing / drops the group for such a field; say so once (shown with -v).
    const resolveField = (name: string) => {
      const field = resolveModelField(name);
      if (field.startsWith(UNDEFINED_FIELD_PREFIX)) ctx.notes?.push(`tstats: data model ${model.modelName} does not define \`${name}\`: it has no value (a where on it matches nothing, a BY on it drops the group unless fillnull_value)`);
      return field;
    };
    const evalCtx = ctx.evalContext;
    const mappings = [...(ctx.datamodelMappings ?? []), ...builtinMappings()];
    const whereExpr = args.where ? renameSearchFields(expandWhereSubsearches(args.where, ctx), resolveField) : null;
    const projection = neededNames(args).map((out) => [out, resolveField(out)] as const);
    const whereFields = new Set<string>();
    searchReads(whereExpr, whereFields);
    const plan = planDataset(dataset, mappings, [...whereFields, ...projection.map(([, src]) => src)]);
    // The selection and mapper of raw events, compiled when a stage over raw events is first built: a pack's stage
    // takes the shared dataset events (datasetInput) and never needs them.
    let perEvent: { selection: ReturnType<typeof compileDataset>; mapEvent: ReturnType<typeof compileDatasetMapper> } | null = null;
    const rawEventParts = (): NonNullable<typeof perEvent> => {
      if (perEvent) return perEvent;
      const selection = compileDataset(dataset, evalCtx, plan.needed);
      // The constraint runs inside the mapper, before the EVALs, where that gives the same answer (an event outside
      // the dataset then costs no EVAL); the selection below checks it for the events the mapper did not check.
      const mapEvent = compileDatasetMapper(mappings, evalCtx, plan.needed, { fields: selection.constraintReads, matches: selection.matches });
      return (perEvent = { selection, mapEvent });
    };
    const where = whereExpr ? compileSearchExpr(whereExpr, { zone: ctx.zone, now: ctx.now }) : () => true;
    const byNames = args.by.map((f) => f.name);
    const statsAst = statsNode(node, args);
    const stats = statsCommand.compile(statsAst, ctx);
    const bucketing = timeBucketing(args, ctx);

    /** The dataset row the stats step sees, written into `row`: only the named fields, under their tstats names. */
    const projectInto = (ev: Event, row: Event): Event => {
      // Setting undefined removes the field: a reused row keeps nothing of the event before.
      for (const [out, src] of projection) row.set(out, ev.get(src));
      if (fillnull !== undefined) for (const name of byNames) if (!row.has(name)) row.set(name, fillnull);
      return row;
    };
    const project = (ev: Event): Event => projectInto(ev, new Event());

    /** The per-event half: an input event becomes at most one dataset row (fixed `_time` buckets applied). */
    const rows = (next: Stage): Stage => {
      const { selection, mapEvent } = rawEventParts();
      return {
        push: (ev) => {
          const mapped = mapEvent(ev);
          if (mapped === MAPPED_OUT || (mapped !== MAPPED_SELECTED && !selection.matches(ev))) return;
          selection.calculate(ev);
          if (!where(ev)) return;
          const row = project(ev);
          if (bucketing.fixed) bucketRow(row, bucketing.fixed);
          next.push(row);
        },
        end: () => next.end(),
      };
    };
    /**
     * The per-event half over a dataset event (pack mode): where, projection, fixed buckets; the event is only read.
     * The stats after it reads a row and keeps none (its groups copy what they keep), so one row is rewritten for
     * every event; by `_time` without span the rows are held, so each gets its own.
     */
    const fromDataset = (next: Stage): Stage => {
      const reused = bucketing.auto ? null : new Event();
      return {
        push: (ev) => {
          if (!where(ev)) return;
          const row = reused === null ? project(ev) : projectInto(ev, reused);
          if (bucketing.fixed) bucketRow(row, bucketing.fixed);
          next.push(row);
        },
        end: () => next.end(),
      };
    };
    /** The aggregating half: `stats` over the rows (by `_time` without span: held, bucketed at the end). */
    const tail = (next: Stage): Stage => {
      const aggregate = stats.factory(next);
      if (!bucketing.auto) return aggregate;
      const held: Event[] = [];
      return {
        push: (row) => void held.push(row),
        end: () => {
          const bin = autoBinner(held, ctx);
          for (const row of held) {
            bucketRow(row, bin);
            aggregate.push(row);
          }
          aggregate.end();
        },
      };
    };

    return {
      kind: 'generating',
      readsInputs: true,
      reads: plan.reads,
      rawLiterals: (injected) => whereLiterals(whereExpr, plan, injected),
      limitsFields: true,
      // Threads: workers make rows and aggregate them partially (the main thread merges), or ship rows for `tail`.
      partial: { rows, tail, stats: bucketing.auto ? null : statsAst },
      factory: (next: Stage): Stage => rows(tail(next)),
      // Pack mode: the dataset event comes mapped, selected and calculated, shared with other tstats (never changed here).
      datasetInput: {
        key: datasetInputKey(model.modelName, dataset.path, mappings, ctx.zone, ctx.now),
        mapperKey: mapperKey(mappings, ctx.zone, ctx.now),
        compileMapper: () => compileEventMapper(mappings, evalCtx),
        compileSelection: () => compileDataset(dataset, evalCtx),
        factory: (next: Stage): Stage => fromDataset(tail(next)),
        where: whereExpr,
      },
    };
  },
};

function bucketRow(row: Event, bin: (t: number) => FieldValue | undefined): void {
  const t = row.get('_time');
  if (typeof t === 'number') row.set('_time', bin(t));
}

/** `by _time` with no span: the span `bin _time` would choose (at most 100 bins over the data's range). */
function autoBinner(rows: Event[], ctx: CompileContext): (t: number) => FieldValue | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const t = row.get('_time');
    if (typeof t === 'number') {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  if (min === Infinity) return (t) => t;
  const binner = compileBinner(autoTimeSpan({ min, max, bins: 100, minSpan: 0 }), { zone: ctx.zone, alignTime: 0, timeField: true });
  return (t) => binner(t);
}
