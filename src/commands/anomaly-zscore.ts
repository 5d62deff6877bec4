// anomalydetection method=zscore: numeric values improbably far from their field's mean (like anomalousvalue).
import type { Stage } from '../engine/types.js';
import { Event } from '../runtime/event.js';
import { allFields, numberIn } from './iqr-outliers.js';

/** Splunk's default probability threshold for anomalousvalue (Search Reference "anomalousvalue": pthresh 0.01). */
export const ZSCORE_PTHRESH = 0.01;

/** erfc(x) for x ≥ 0 (Abramowitz and Stegun 7.1.26; absolute error below 1.5e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

/** The two-tailed probability of a normal value at least |z| standard deviations from the mean. */
export function twoTailed(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

interface FieldModel {
  field: string;
  count: number;
  distinct: number;
  mean: number;
  stdev: number;
  anomalies: number;
}

/** Mean and sample standard deviation of a field's single numeric values (null when it has none). */
function modelOf(events: readonly Event[], field: string): FieldModel | null {
  const values = events.map((ev) => numberIn(ev, field)).filter((v): v is number => v !== undefined);
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
  return { field, count: values.length, distinct: new Set(values).size, mean, stdev: Math.sqrt(variance), anomalies: 0 };
}

/**
 * action=filter: the events with an anomalous value; annotate: every event; both add `Anomaly_Score_Num(<field>)` =
 * |z| for each anomalous value (anomalousvalue's field names). summary: one row per numeric field.
 */
export function applyZscore(events: readonly Event[], named: readonly string[], pthresh: number, action: string, next: Stage): void {
  const models = (named.length ? named : allFields(events)).map((f) => modelOf(events, f)).filter((m): m is FieldModel => m !== null);
  for (const ev of events) {
    let anomalous = false;
    for (const model of models) {
      const v = numberIn(ev, model.field);
      if (v === undefined || !(model.stdev > 0)) continue;
      const z = (v - model.mean) / model.stdev;
      if (twoTailed(z) >= pthresh) continue;
      model.anomalies++;
      anomalous = true;
      if (action !== 'summary') ev.set(`Anomaly_Score_Num(${model.field})`, Math.abs(z));
    }
    if (action === 'annotate' || (action === 'filter' && anomalous)) next.push(ev);
  }
  if (action !== 'summary') return;
  for (const model of models) {
    const row = new Event();
    row.set('fieldname', model.field);
    row.set('count', model.count);
    row.set('distinct_count', model.distinct);
    row.set('mean', model.mean);
    row.set('stdev', model.stdev);
    row.set('numAnoFreq%', (100 * model.anomalies) / model.count);
    row.set('isNum', 1);
    next.push(row);
  }
}
