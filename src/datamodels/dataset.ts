// A dataset as a filter plus field calculations over mapped events, and the naming of its fields (`Processes.dest`).
import type { SearchExpr } from '../ast.js';
import { toFieldValue, type EvalCompileContext } from '../eval/index.js';
import { compileSearchExpr, searchReads } from '../engine/search-predicate.js';
import { parseSearchCached } from '../parse/parse-cache.js';
import type { Event } from '../runtime/event.js';
import type { ResolvedDataset } from './catalog.js';
import { compileDataEval } from './source-mapping.js';
import type { DataModelDef } from './types.js';

/** Fields every dataset has without a prefix (and with one: `Processes._time` is `_time`). */
export const BASE_FIELDS: ReadonlySet<string> = new Set(['_time', 'host', 'source', 'sourcetype', 'index', '_raw', 'tag', 'eventtype', 'linecount', 'splunk_server']);

/** A name no event field can have: what a field the data model does not define reads. */
export const UNDEFINED_FIELD_PREFIX = '\u0000undefined:';

/** Selects a dataset's events and completes their fields, in place. */
export interface CompiledDataset {
  /** True when the event meets the dataset's constraints (after the source mapping). */
  matches(ev: Event): boolean;
  /** The fields the constraints read. */
  constraintReads: ReadonlySet<string>;
  /** Run the dataset's calculations (fills with `unknown`, lower-casing, derived names). */
  calculate(ev: Event): void;
}

/** With `needed`, only calculations writing those fields run (the plan has closed `needed` over what they read). */
export function compileDataset(ds: ResolvedDataset, ctx: EvalCompileContext, needed?: ReadonlySet<string>): CompiledDataset {
  const constraints = ds.constraints.map((text) => compileSearchExpr(parseSearchCached(text), { zone: ctx.zone, now: ctx.now }));
  const constraintReads = new Set<string>();
  for (const text of ds.constraints) searchReads(parseSearchCached(text), constraintReads);
  const calculations = ds.calculations.filter((c) => !needed || needed.has(c.field)).map((c, i) => {
    const where = `data model ${ds.model}: ${ds.name} calculation ${i} (${c.field})`;
    if ('fill' in c) {
      const fill = c.fill;
      const field = c.field;
      return (ev: Event) => {
        const v = ev.get(field);
        if (v === undefined || v === '') ev.set(field, fill);
      };
    }
    const evaluate = compileDataEval(c.eval, where, ctx, 'unknown-datamodel');
    const field = c.field;
    return (ev: Event) => {
      ev.set(field, toFieldValue(evaluate(ev)));
    };
  });
  return {
    matches: (ev) => constraints.every((c) => c(ev)),
    constraintReads,
    calculate: (ev) => {
      for (const calc of calculations) calc(ev);
    },
  };
}

/**
 * The event field a tstats field name reads: `Processes.dest` → `dest`, `All_Changes.Instance_Changes.image_id` →
 * `image_id`, `_time` → `_time`. A name the model does not define reads nothing (UNDEFINED_FIELD_PREFIX + name).
 */
export function datasetFieldResolver(model: DataModelDef, ds: ResolvedDataset): (name: string) => string {
  const datasetNames = new Set(model.datasets.map((d) => d.name));
  const modelFields = new Set<string>();
  for (const d of model.datasets) for (const f of Object.keys(d.fields)) modelFields.add(f);
  for (const f of ds.fields.keys()) modelFields.add(f);
  return (name) => {
    if (BASE_FIELDS.has(name)) return name;
    const parts = name.split('.');
    let i = 0;
    while (i < parts.length - 1 && datasetNames.has(parts[i]!)) i++;
    if (i === 0) return UNDEFINED_FIELD_PREFIX + name;
    const field = parts.slice(i).join('.');
    return BASE_FIELDS.has(field) || modelFields.has(field) ? field : UNDEFINED_FIELD_PREFIX + name;
  };
}

/** The where clause with dataset field names turned into event field names (`Processes.x` → `x`). */
export function renameSearchFields(expr: SearchExpr, rename: (name: string) => string): SearchExpr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { ...expr, items: expr.items.map((e) => renameSearchFields(e, rename)) };
    case 'not':
      return { ...expr, expr: renameSearchFields(expr.expr, rename) };
    case 'compare':
    case 'in':
      return { ...expr, field: rename(expr.field) };
    default:
      return expr;
  }
}
