// The IQR outlier rule shared by `outlier` and `anomalydetection method=iqr`: bounds per field, then clamp or remove.
import type { Stage } from '../engine/types.js';
import { isNumeric, toNumber, valuesOf, type Event } from '../runtime/event.js';

export interface IqrRule {
  /** Outliers lie beyond param × IQR past the quartiles (Splunk's default 2.5). */
  param: number;
  /** Also look below Q1 (default: only above Q3). */
  useLower: boolean;
  /** Drop the event (remove) or clamp the value to the bound (transform). */
  remove: boolean;
  /** transform: prefix the clamped value with `000`. */
  mark: boolean;
}

/** Percentile by linear interpolation at rank p × (n − 1), as stats' perc does (values sorted ascending). */
function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** The single numeric value of a field, or undefined. */
export function numberIn(ev: Event, field: string): number | undefined {
  const values = valuesOf(ev.get(field));
  if (values.length !== 1 || typeof values[0] === 'boolean' || !isNumeric(values[0]!)) return undefined;
  return toNumber(values[0]!);
}

/** Every non-internal field name of the events, in first-seen order (the default field list). */
export function allFields(events: readonly Event[]): string[] {
  return [...new Set(events.flatMap((ev) => ev.names()))].filter((f) => !f.startsWith('_'));
}

/** Apply the rule over held events (named fields, or every field with numeric values) and pass the kept ones on. */
export function applyIqrRule(events: readonly Event[], named: readonly string[], rule: IqrRule, next: Stage): void {
  const fields = named.length ? named : allFields(events);
  const bounds = new Map<string, { lo: number; hi: number }>();
  for (const f of fields) {
    const values = events.map((ev) => numberIn(ev, f)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    if (values.length === 0) continue;
    const q1 = percentile(values, 25);
    const q3 = percentile(values, 75);
    const iqr = q3 - q1;
    bounds.set(f, { lo: rule.useLower ? q1 - rule.param * iqr : -Infinity, hi: q3 + rule.param * iqr });
  }
  for (const ev of events) {
    let outlying = false;
    for (const [f, { lo, hi }] of bounds) {
      const v = numberIn(ev, f);
      if (v === undefined || (v >= lo && v <= hi)) continue;
      outlying = true;
      if (!rule.remove) {
        const clamped = v > hi ? hi : lo;
        ev.set(f, rule.mark ? `000 ${clamped}` : clamped);
      }
    }
    if (!(rule.remove && outlying)) next.push(ev);
  }
}
