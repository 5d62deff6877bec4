// Compile a search expression (the `search` language) into a predicate over events, once.
import type { Pipeline, SearchCompareOp, SearchExpr, SearchLiteral, Span } from '../ast.js';
import { assertNever } from '../ast.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { compileTermMatcher } from '../search/terms.js';
import { anyValue, compileOrderedCompare, compileValueMatcher, noValueMatches, type ValuePredicate } from '../search/values.js';
import { timeBoundSide, timeBoundValue } from './time-bounds.js';
import type { TimeZone } from '../time/zone.js';

export type EventPredicate = (ev: Event) => boolean;

export interface SearchCompileOptions {
  zone: TimeZone;
  now: number;
  /** Compile a subsearch's own commands (so their errors come first). */
  compileSubsearch?: (pipeline: Pipeline) => void;
  /** Compile a `[subsearch]` into the predicate its results stand for (the search command gives this). */
  subsearch?: (pipeline: Pipeline, span: Span) => EventPredicate;
}

const ALWAYS: EventPredicate = () => true;

/** A term of only `*`s: it matches every event. */
const MATCH_ALL_TERM = /^\*+$/;

/** Whether a search keeps every event (`*`, no expression, an AND of such, an OR with one): it compiles to ALWAYS. */
export function matchesEveryEvent(expr: SearchExpr | null): boolean {
  if (expr === null) return true;
  switch (expr.kind) {
    case 'term':
      return MATCH_ALL_TERM.test(expr.value.text);
    case 'and':
      return expr.items.every(matchesEveryEvent);
    case 'or':
      return expr.items.some(matchesEveryEvent);
    default:
      return false;
  }
}

export function compileSearchExpr(expr: SearchExpr, opts: SearchCompileOptions): EventPredicate {
  switch (expr.kind) {
    case 'and':
      return allOf(expr.items.map((i) => compileSearchExpr(i, opts)));
    case 'or':
      return anyOf(expr.items.map((i) => compileSearchExpr(i, opts)));
    case 'not': {
      const inner = compileSearchExpr(expr.expr, opts);
      return (ev) => !inner(ev);
    }
    case 'term':
      return compileTerm(expr.value);
    case 'compare':
      return compileCompare(expr.field, expr.op, expr.value, opts);
    case 'in':
      return anyOf(expr.values.map((v) => compileCompare(expr.field, '=', v, opts)));
    case 'subsearch':
      if (opts.subsearch) return opts.subsearch(expr.pipeline, expr.span);
      opts.compileSubsearch?.(expr.pipeline);
      throw new SplError('unsupported-command', 'subsearches inside a search are not supported yet', expr.span);
    default:
      return assertNever(expr);
  }
}

function allOf(preds: EventPredicate[]): EventPredicate {
  const live = preds.filter((p) => p !== ALWAYS);
  if (live.length === 0) return ALWAYS;
  if (live.length === 1) return live[0]!;
  if (live.length === 2) {
    const [a, b] = live as [EventPredicate, EventPredicate];
    return (ev) => a(ev) && b(ev);
  }
  return (ev) => live.every((p) => p(ev));
}

function anyOf(preds: EventPredicate[]): EventPredicate {
  if (preds.includes(ALWAYS)) return ALWAYS;
  if (preds.length === 1) return preds[0]!;
  return (ev) => preds.some((p) => p(ev));
}

/** A bare term or phrase matches `_raw`; `*` alone matches every row, even rows without `_raw`. */
function compileTerm(lit: SearchLiteral): EventPredicate {
  if (MATCH_ALL_TERM.test(lit.text)) return ALWAYS;
  const matches = compileTermMatcher(lit.text, { quoted: lit.quoted, caseSensitive: lit.modifier === 'CASE', termMode: lit.modifier === 'TERM' });
  return (ev) => {
    const raw = ev.get('_raw');
    return raw !== undefined && matches(typeof raw === 'string' ? raw : String(raw));
  };
}

function compileCompare(field: string, op: SearchCompareOp, lit: SearchLiteral, opts: SearchCompileOptions): EventPredicate {
  const timeBound = compileTimeBound(field, op, lit, opts);
  if (timeBound) return timeBound;
  const pred = valuePredicate(op, lit);
  if (op === '!=') return (ev) => noValueMatches(ev.get(field), pred);
  return (ev) => anyValue(ev.get(field), pred);
}

function valuePredicate(op: string, lit: SearchLiteral): ValuePredicate {
  if (op === '=' || op === '!=') return compileValueMatcher(lit.text, { caseSensitive: lit.modifier === 'CASE', termMode: lit.modifier === 'TERM' });
  return compileOrderedCompare(op as '<' | '<=' | '>' | '>=', lit.text);
}

/** `earliest=`/`latest=`: a bound on `_time`. */
function compileTimeBound(field: string, op: string, lit: SearchLiteral, opts: SearchCompileOptions): EventPredicate | undefined {
  const side = timeBoundSide(field, op);
  if (!side) return undefined;
  const bound = timeBoundValue(lit, opts.now, opts.zone);
  if (side === 'earliest') return (ev) => timeOf(ev) >= bound;
  return (ev) => timeOf(ev) < bound;
}

function timeOf(ev: Event): number {
  const t = ev.get('_time');
  return typeof t === 'number' ? t : Number.NaN;
}

/** Fields a search expression reads (`_raw` for terms); used for projection. */
export function searchReads(expr: SearchExpr | null, out: Set<string>): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'and':
    case 'or':
      expr.items.forEach((i) => searchReads(i, out));
      return;
    case 'not':
      searchReads(expr.expr, out);
      return;
    case 'term':
      if (!MATCH_ALL_TERM.test(expr.value.text)) out.add('_raw');
      return;
    case 'compare':
      out.add(timeBoundSide(expr.field, expr.op) ? '_time' : expr.field);
      return;
    case 'in':
      out.add(timeBoundSide(expr.field, '=') ? '_time' : expr.field);
      return;
    case 'subsearch':
      return;
  }
}
