// `earliest=`/`latest=` at the top level of the first search, as a time window the reader can apply before decoding.
import type { Pipeline, SearchExpr } from '../ast.js';
import { timeBoundSide, timeBoundValue } from './time-bounds.js';
import type { TimeZone } from '../time/zone.js';

/** Keep only events with earliest <= _time < latest (epoch seconds). */
export interface TimeWindow {
  earliest?: number;
  latest?: number;
}

/** Conjuncts of the first search that are time bounds (inside OR/NOT they are not a window). */
function timeBounds(expr: SearchExpr, out: TimeWindow, now: number, zone: TimeZone): void {
  if (expr.kind === 'and') {
    for (const item of expr.items) timeBounds(item, out, now, zone);
    return;
  }
  if (expr.kind !== 'compare') return;
  const side = timeBoundSide(expr.field, expr.op);
  if (!side) return;
  const t = timeBoundValue(expr.value, now, zone);
  if (side === 'earliest') out.earliest = Math.max(out.earliest ?? -Infinity, t);
  else out.latest = Math.min(out.latest ?? Infinity, t);
}

/** The window implied by the first search, or undefined when it has no top-level bounds. */
export function searchTimeWindow(ast: Pipeline, now: number, zone: TimeZone): TimeWindow | undefined {
  const first = ast.commands[0];
  if (ast.leadingPipe || !first || first.kind !== 'search' || !first.expr) return undefined;
  const window: TimeWindow = {};
  timeBounds(first.expr, window, now, zone);
  return window.earliest === undefined && window.latest === undefined ? undefined : window;
}

/** Both windows at once (the tighter bound on each side). */
export function intersectWindows(a: TimeWindow | undefined, b: TimeWindow | undefined): TimeWindow | undefined {
  if (!a) return b;
  if (!b) return a;
  const earliest = Math.max(a.earliest ?? -Infinity, b.earliest ?? -Infinity);
  const latest = Math.min(a.latest ?? Infinity, b.latest ?? Infinity);
  return { earliest: Number.isFinite(earliest) ? earliest : undefined, latest: Number.isFinite(latest) ? latest : undefined };
}
