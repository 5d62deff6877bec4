// anomalydetection (histogram method): events whose combination of field values is improbable.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

/** 19 ordinary events and one with a rare user type. */
const EVENTS: PlainEvent[] = [
  ...Array.from({ length: 19 }, (_, i) => ({ id: i, user_type: 'IAMUser', count: 5 })),
  { id: 19, user_type: 'Root', count: 5 },
];

describe('anomalydetection', () => {
  // Splunk Search Reference "anomalydetection": the probability of an event is the product of the frequencies of its
  // field values (categorical: count / events; numeric: histogram bin size / events); action=filter returns the
  // anomalous events, annotate returns all with log_event_prob, probable_cause, probable_cause_freq, max_freq
  // (help.splunk.com/splunk-enterprise/spl-search-reference/9.1/search-commands/anomalydetection).
  it('filter (default) keeps the improbable event', () => {
    const out = runQuery('search * | anomalydetection user_type count', EVENTS);
    expect(out.map((r) => r.id)).toEqual([19]);
    expect(out[0]!.probable_cause).toBe('user_type');
    expect(out[0]!.probable_cause_freq).toBe(0.05);
    expect(out[0]!.log_event_prob).toBeCloseTo(Math.log(0.05));
  });

  it('annotate (the corpus form with quoted fields) returns every event, annotating the anomalous one', () => {
    const out = runQuery('search * | anomalydetection "count" "user_type" action=annotate', EVENTS);
    expect(out).toHaveLength(20);
    expect(out.filter((r) => r.log_event_prob !== undefined).map((r) => r.id)).toEqual([19]);
  });

  it('summary gives one row; pthresh sets the threshold', () => {
    expect(runQuery('search * | anomalydetection action=summary user_type', EVENTS)).toEqual([{ num_events: 20, num_anomalies: 1, thresh: expect.any(Number) }]);
    expect(runQuery('search * | anomalydetection pthresh=0.99 user_type', EVENTS)).toHaveLength(20);
  });

  it('errors: another method, bad action, bad pthresh', () => {
    expect(compileError('search * | anomalydetection method=zscore x').code).toBe('bad-option');
    expect(compileError('search * | anomalydetection action=drop x').code).toBe('bad-argument');
    expect(compileError('search * | anomalydetection pthresh=2 x').code).toBe('bad-argument');
  });
});
