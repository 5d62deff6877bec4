// The metric events mstats reads: the measurements (metric name, value) one JSON event carries.
import { toNumber, valuesOf, type Event } from '../runtime/event.js';

/** One measurement of an event. */
export interface Measurement {
  name: string;
  value: number;
}

const MULTI_PREFIX = 'metric_name:';

/**
 * Splunk's two metric shapes: a single measurement (`metric_name` + `_value`) or several in one event
 * (`"metric_name:cpu.idle": 3.2, "metric_name:cpu.user": 1`). Values that are not numbers are skipped.
 */
export function measurementsOf(ev: Event): Measurement[] {
  const out: Measurement[] = [];
  const single = valuesOf(ev.get('metric_name'))[0];
  const value = valuesOf(ev.get('_value'))[0];
  if (single !== undefined && value !== undefined) push(out, String(single), value);
  for (const key of ev.names()) {
    if (!key.startsWith(MULTI_PREFIX)) continue;
    const v = valuesOf(ev.get(key))[0];
    if (v !== undefined) push(out, key.slice(MULTI_PREFIX.length), v);
  }
  return out;
}

function push(out: Measurement[], name: string, raw: string | number | boolean): void {
  const value = typeof raw === 'boolean' ? NaN : toNumber(raw);
  if (!Number.isNaN(value)) out.push({ name, value });
}
