// anomalydetection (histogram method): events whose combination of field values is improbable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoTailed } from '../../src/commands/anomaly-zscore.js';
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

  it('errors: unknown method, an action of another method, bad pthresh', () => {
    expect(compileError('search * | anomalydetection method=kmeans x').code).toBe('bad-argument');
    expect(compileError('search * | anomalydetection action=drop x').code).toBe('bad-argument');
    expect(compileError('search * | anomalydetection pthresh=2 x').code).toBe('bad-argument');
    expect(compileError('search * | anomalydetection method=iqr action=filter x').message).toBe('anomalydetection: with method=iqr, action must be remove, transform');
    expect(compileError('search * | anomalydetection method=zscore action=remove x').code).toBe('bad-argument');
    expect(compileError('search * | anomalydetection method=iqr pthresh=0.1 x').code).toBe('bad-option');
  });
});

// Same page: "When method=zscore, performs like the anomalousvalue command. When method=iqr, performs like the outlier
// command"; actions filter|annotate|summary for histogram and zscore, remove|transform for iqr. Search Reference
// "anomalousvalue": pthresh defaults to 0.01, and an anomalous numeric field gets `Anomaly_Score_Num(<field>)`
// (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/anomalousvalue).
describe('anomalydetection method=zscore', () => {
  const values = [...Array.from({ length: 30 }, (_, i) => 9 + (i % 3)), 100];
  const events: PlainEvent[] = values.map((bytes, id) => ({ id, bytes, host: 'h' }));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));

  it('the two-tailed normal probability: 5% at 1.96 and 1% at 2.576 standard deviations', () => {
    expect(twoTailed(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoTailed(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoTailed(0)).toBeCloseTo(1, 6);
  });

  it('filter (default) keeps the events with a value more than pthresh-improbable; the score is |z|', () => {
    const out = runQuery('search * | anomalydetection method=zscore bytes', events);
    expect(out.map((r) => r.id)).toEqual([30]);
    expect(out[0]!['Anomaly_Score_Num(bytes)']).toBeCloseTo((100 - mean) / sd, 9);
  });

  it('annotate returns every event, scoring only the anomalous values; pthresh widens the net', () => {
    const out = runQuery('search * | anomalydetection method=zscore action=annotate bytes', events);
    expect(out).toHaveLength(31);
    expect(out.filter((r) => r['Anomaly_Score_Num(bytes)'] !== undefined).map((r) => r.id)).toEqual([30]);
    // Without the outlier every value is within 1 sd; with pthresh=0.5 (|z| > 0.674) the 9s and 11s are anomalous.
    const wide = runQuery('search * | anomalydetection method=zscore pthresh=0.5 bytes', events.slice(0, 30));
    expect(wide).toHaveLength(20);
  });

  it('summary gives one row per numeric field; non-numeric fields are not modelled', () => {
    const out = runQuery('search * | anomalydetection method=zscore action=summary', events);
    expect(out).toHaveLength(2);
    expect(out.map((r) => r.fieldname)).toEqual(['id', 'bytes']);
    expect(out[1]).toMatchObject({ fieldname: 'bytes', count: 31, distinct_count: 4, isNum: 1, 'numAnoFreq%': 100 / 31 });
    expect(out[1]!.mean).toBeCloseTo(mean, 9);
    expect(out[1]!.stdev).toBeCloseTo(sd, 9);
  });
});

describe('anomalydetection method=iqr', () => {
  it('transform (default) clamps like outlier; remove drops the events', () => {
    const counts = [1, 2, 3, 4, 5, 6, 7, 8, 100].map((count) => ({ count }));
    // Q1 = 3, Q3 = 7, IQR = 4: the bound is 7 + 2.5 × 4 = 17 (outlier's default param).
    expect(runQuery('search * | anomalydetection method=iqr count', counts).at(-1)!.count).toBe(17);
    expect(runQuery('search * | anomalydetection method=iqr action=remove count', counts)).toHaveLength(8);
  });

  it('law: method=iqr gives what outlier gives with the same action', () => {
    const rows = fc.array(fc.record({ a: fc.integer({ min: -100, max: 100 }), b: fc.oneof(fc.integer(), fc.constant('x')) }), { maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.constantFrom('remove', 'transform'), (input, action) => {
        expect(runQuery(`search * | anomalydetection method=iqr action=${action}`, input)).toEqual(runQuery(`search * | outlier action=${action}`, input));
      }),
    );
  });
});
